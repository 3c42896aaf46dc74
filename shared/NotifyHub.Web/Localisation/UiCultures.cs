using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using System.Globalization;

namespace NotifyHub.Web.Localisation;

/// <summary>The languages pages are written in, and how a request picks one: the switcher's cookie, then Accept-Language.</summary>
public static class UiCultures
{
    public const string Default = "en";

    /// <summary>Each language named in itself, as the switcher shows it.</summary>
    public static IReadOnlyList<(string Code, string Name)> Supported { get; } =
    [
        ("en", "English"),
        ("fr", "Français"),
        ("ja", "日本語"),
    ];

    public static bool IsSupported(string? code) => Supported.Any(s => s.Code == code);

    internal static void Configure(RequestLocalizationOptions options)
    {
        var cultures = Supported.Select(s => new CultureInfo(s.Code)).ToList();
        options.DefaultRequestCulture = new RequestCulture(Default);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        // No query-string provider: a link someone shares should not switch the reader's language.
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }
}
