using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.CallCentre.Queue;
using NotifyHub.Web.Live;

namespace NotifyHub.CallCentre.Pages.Activity;

/// <summary>
/// The call centre's figures for one incident (<see cref="IncidentCallActivity"/>); the incident's dashboard loads
/// <see cref="OnGetLiveAsync"/> with htmx and refreshes it, and the page itself is the same without JavaScript.
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class IndexModel(IncidentCallActivity activity, LiveFigures live) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public IncidentCallView Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The dashboard's fragment: counts at most a few seconds old (<see cref="LiveFigures"/>).</summary>
    public async Task<IActionResult> OnGetLiveAsync(CancellationToken ct)
    {
        var id = Id;
        Activity = (await live.GetAsync($"calls:{id}", TimeSpan.FromSeconds(3),
            (services, token) => services.GetRequiredService<IncidentCallActivity>().ReadAsync(id, token), ct))!;
        return Activity is null ? NotFound() : Partial("_Activity", this);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Activity = (await activity.ReadAsync(Id, ct))!;
        return Activity is not null;
    }
}
