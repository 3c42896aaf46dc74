using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Intake.Incidents;

namespace NotifyHub.Intake.Pages.Incidents;

/// <summary>The incidents, newest first, through the same query as <c>GET /api/v1/incidents</c> and the same policy.</summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public Paged<IncidentSummary> Incidents { get; private set; } = null!;

    public async Task OnGetAsync(int? skip, CancellationToken ct) =>
        Incidents = await mediator.Send(new ListIncidents(PageRequest.From(Math.Max(0, skip ?? 0), PageRequest.DefaultTake)), ct);
}
