using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Intake.Imports;

namespace NotifyHub.Intake.Pages.Imports;

/// <summary>An import's live counts (htmx polls <see cref="OnGetCountersAsync"/>) and its error report as CSV.</summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class StatusModel(IMediator mediator) : PageModel
{
    /// <summary>htmx stops polling when a poll answers 286.</summary>
    private const int StopPolling = 286;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ImportId { get; set; }

    public ImportStatus Import { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCountersAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Import.Status != ImportJob.Running)
        {
            Response.StatusCode = StopPolling;
        }

        return Partial("_ImportCounters", this);
    }

    /// <summary>The same CSV as <c>GET /api/v1/incidents/{id}/imports/{importId}/errors</c>, for the signed-in page.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(CancellationToken ct)
    {
        await ImportsApi.WriteErrorsAsync(Id, ImportId, HttpContext, mediator, ct);
        return new EmptyResult();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Import = await mediator.Send(new GetImport(Id, ImportId), ct);
            return true;
        }
        catch (ProblemException e) when (e.Kind == ProblemKind.NotFound)
        {
            return false;
        }
    }
}
