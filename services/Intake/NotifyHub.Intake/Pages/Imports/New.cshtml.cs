using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;

namespace NotifyHub.Intake.Pages.Imports;

/// <summary>The upload form; the file goes to <see cref="ImportUpload"/>, which streams it like the API does.</summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class NewModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The problem code of the last refused upload (e.g. <c>empty_file</c>); only codes, never text, come back here.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Error { get; set; }

    private static readonly string[] Known = ["no_file", "empty_file", "unsupported_encoding", "incident_closed"];

    public string ErrorMessage(IStringLocalizer<IntakeText> text) =>
        Known.Contains(Error) ? text["ImportError_" + Error] : text["ImportErrorOther", new string([.. (Error ?? "").Where(c => char.IsAsciiLetterLower(c) || c == '_').Take(40)])];
}
