using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Scripts;
using NotifyHub.CallCentre.Support;
using NotifyHub.CallCentre.Verification;
using System.Globalization;

namespace NotifyHub.CallCentre.Pages.Calls;

/// <summary>
/// "Take a call": the agent types what the caller says and gets a case or a bare "not verified", through the same
/// <see cref="CallerVerification"/> as <c>POST /api/v1/callcentre/verifications</c> (audit, counter and block included).
/// The typed factors are never written back into the page, whatever the answer.
/// </summary>
[Authorize(Policy = Roles.Agent)]
public sealed class IndexModel(CallCentreDbContext db, ScriptLibrary scripts, CallerVerification verification,
    VerificationMeter meter, IStringLocalizer<CallCentreText> text) : PageModel
{
    [BindProperty]
    public Guid? IncidentId { get; set; }

    [BindProperty]
    public string? ReferenceCode { get; set; }

    [BindProperty]
    public string? DateOfBirth { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    /// <summary>Set after a case was closed, so the agent knows the last call is finished.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Closed { get; set; }

    public IReadOnlyList<IncidentChoice> Incidents { get; private set; } = [];

    public bool Blocked { get; private set; }

    public bool NotVerified { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = CallCentreActor.From(User);
        var request = new VerifyCaller(IncidentId, Blank(ReferenceCode), Blank(DateOfBirth), Blank(Postcode), Blank(Phone));
        // Whatever happens next, nothing typed goes back into the form.
        (ReferenceCode, DateOfBirth, Postcode, Phone) = (null, null, null, null);
        try
        {
            var result = await verification.VerifyAsync(request, actor, ct);
            if (result.Verified)
            {
                return Redirect($"/callcentre/cases/{result.CaseId}");
            }

            NotVerified = true;
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.Forbidden or ProblemKind.Locked)
        {
            if (e.Kind != ProblemKind.Locked)
            {
                ModelState.AddModelError(Field(e.Code), text.Problem(e));
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = CallCentreActor.From(User);
        Blocked = await meter.IsBlockedAsync(actor.UserId, ct);
        if (actor.VendorId is { } vendor)
        {
            Incidents = await IncidentChoice.ForVendorAsync(db, scripts, vendor, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The form field a problem code is about, so its message sits beside that field.</summary>
    private static string Field(string code) => code switch
    {
        "invalid_reference_code" or "factor_required" => nameof(ReferenceCode),
        "invalid_date_of_birth" => nameof(DateOfBirth),
        "invalid_postcode" => nameof(Postcode),
        "invalid_phone" or "factors_required" => nameof(Phone),
        _ => "",
    };
}
