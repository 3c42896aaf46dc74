using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Web;

namespace NotifyHub.CallCentre.Pages;

/// <summary>
/// The API's problem codes in the reader's language. The API's English detail may name what was typed; the pages
/// show only the localised sentence for the code, so nothing an agent typed is ever written back to the screen.
/// </summary>
internal static class PageText
{
    public static string Problem(this IStringLocalizer<CallCentreText> text, ProblemException problem)
    {
        var line = text["Problem_" + problem.Code];
        return line.ResourceNotFound ? text["Problem_other"] : line.Value;
    }

    /// <summary>A short, stable label for a staff member the call centre knows only by id (names live in the console).</summary>
    public static string ShortId(Guid id) => id.ToString("N")[..8];
}
