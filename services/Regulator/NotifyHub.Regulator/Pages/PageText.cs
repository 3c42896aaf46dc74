using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Web;

namespace NotifyHub.Regulator.Pages;

/// <summary>
/// The API's problem codes in the reader's language: the pages call the API's own handlers, so a refusal on the page
/// is the same refusal, with the same code, as through <c>/api/v1</c>.
/// </summary>
internal static class PageText
{
    public static string Problem(this IStringLocalizer<RegulatorText> text, ProblemException problem)
    {
        var line = text["Problem_" + problem.Code];
        return line.ResourceNotFound ? text["Problem_other"] : line.Value;
    }

    /// <summary>The deadline on the authority's wall clock ("2026-12-05 23:59"), from the engine's ISO 8601 local time.</summary>
    public static string? WallClock(string? dueAtLocal) =>
        DateTimeOffset.TryParse(dueAtLocal, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)
            ? local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : dueAtLocal;

    /// <summary>A localised name with the code as fallback (a new kind or status in a rule file still shows).</summary>
    public static string Named(this IStringLocalizer<RegulatorText> text, string prefix, string code)
    {
        var line = text[prefix + code];
        return line.ResourceNotFound ? code : line.Value;
    }
}
