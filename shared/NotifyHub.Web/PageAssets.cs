using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace NotifyHub.Web;

/// <summary>
/// The stylesheet and htmx, embedded in this assembly and served under <c>/assets</c> by every process that serves
/// pages: no CDN and no third-party origin, so <c>script-src 'self'; style-src 'self'</c> holds.
/// </summary>
public static class PageAssets
{
    public const string RequestPath = "/assets";

    /// <summary>Changes with each build, so a long cache lifetime never serves a stale file.</summary>
    public static string Version { get; } =
        typeof(PageAssets).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    public static string Url(string file) => $"{RequestPath}/{file}?v={Version}";

    internal static StaticFileOptions StaticFileOptions() => new()
    {
        RequestPath = RequestPath,
        FileProvider = new EmbeddedFileProvider(typeof(PageAssets).Assembly, "NotifyHub.Web.wwwroot"),
        OnPrepareResponse = context =>
        {
            var versioned = context.Context.Request.Query.ContainsKey("v");
            context.Context.Response.Headers[HeaderNames.CacheControl] = versioned
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            context.Context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        },
    };
}
