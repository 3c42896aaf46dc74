using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Support;

namespace NotifyHub.CallCentre.Pages.Vendors;

/// <summary>
/// The privacy officer's side of one incident: which call-centre vendors are assigned, with the back-fill's progress
/// (htmx refreshes it while it runs), through the same <see cref="VendorAssigning"/> as
/// <c>POST/GET/DELETE /api/v1/incidents/{id}/vendors</c>.
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class IndexModel(CallCentreDbContext db, VendorAssigning assigning, IStringLocalizer<CallCentreText> text) : PageModel
{
    /// <summary>htmx stops polling when a poll answers 286.</summary>
    private const int StopPolling = 286;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? VendorId { get; set; }

    public IReadOnlyList<AssignmentView> Assignments { get; private set; } = [];

    /// <summary>Registered, unrevoked vendors not already working on the incident.</summary>
    public IReadOnlyList<Guid> Assignable { get; private set; } = [];

    public bool Running => Assignments.Any(a => a.Status == AssignmentStatus.Running.ToCode());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!Running)
        {
            Response.StatusCode = StopPolling;
        }

        return Partial("_Assignments", this);
    }

    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) =>
        ActAsync(nameof(VendorId), () => assigning.AssignAsync(Id, VendorId, CallCentreActor.From(User), ct), ct);

    public Task<IActionResult> OnPostUnassignAsync(Guid vendorId, CancellationToken ct) =>
        ActAsync("", () => assigning.UnassignAsync(Id, vendorId, CallCentreActor.From(User), ct), ct);

    private async Task<IActionResult> ActAsync(string field, Func<Task> act, CancellationToken ct)
    {
        try
        {
            await act();
            return Redirect($"/callcentre/incidents/{Id}/vendors");
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.NotFound or ProblemKind.Conflict)
        {
            ModelState.AddModelError(field, text.Problem(e));
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == Id && i.PurgedAt == null, ct))
        {
            return false;
        }

        Assignments = await assigning.ListAsync(Id, ct);
        var working = Assignments.Where(a => AssignmentStatuses.Active.Any(s => s.ToCode() == a.Status)).Select(a => a.VendorId).ToHashSet();
        Assignable = [.. (await db.Vendors.AsNoTracking().Where(v => v.RevokedAt == null).OrderBy(v => v.RegisteredAt)
            .Select(v => v.Id).ToListAsync(ct)).Where(v => !working.Contains(v))];
        return true;
    }
}
