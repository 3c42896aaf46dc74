using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.CallCentre.Callbacks;
using NotifyHub.CallCentre.Queue;
using NotifyHub.CallCentre.Support;
using NotifyHub.Privacy.Access;
using NotifyHub.Web.Charts;

namespace NotifyHub.CallCentre.Pages.Queue;

/// <summary>
/// The supervisor's live queue: the same <see cref="SupervisorQueue"/> and <see cref="CallbackBook"/> as
/// <c>GET /api/v1/callcentre/queue</c> and <c>/callbacks</c>; htmx refreshes the counters (a reload shows the same);
/// Unblock goes through the key service exactly like <c>POST /api/v1/callcentre/agents/{id}/unblock</c>.
/// </summary>
[Authorize(Policy = Roles.Supervisor)]
public sealed class IndexModel(SupervisorQueue queue, CallbackBook callbacks, KeyService keys, IStringLocalizer<CallCentreText> text)
    : PageModel
{
    /// <summary>The agent just unblocked, announced once after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Unblocked { get; set; }

    public QueueView Queue { get; private set; } = null!;

    public IReadOnlyList<CallbackListItem> Callbacks { get; private set; } = [];

    public StackedBarChart Chart => new("agents-chart", text["ChartTitle"], text["Agent"],
        [text["CasesToday"], text["ReadsToday"]],
        [.. Queue.Agents.Select(a => new ChartRow(PageText.ShortId(a.Id), [a.CasesToday, a.ReadsToday]))]);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>What htmx swaps in every 15 seconds: the counters only.</summary>
    public async Task<IActionResult> OnGetCountersAsync(CancellationToken ct)
    {
        Queue = await queue.ReadAsync(CallCentreActor.From(User), ct);
        return Partial("_QueueCounters", this);
    }

    public async Task<IActionResult> OnPostUnblockAsync(Guid agentId, CancellationToken ct)
    {
        try
        {
            if (await keys.UnblockAsync(agentId, CallCentreActor.From(User).ToPrivacyActor(), ct))
            {
                return Redirect($"/callcentre/queue?unblocked={agentId}");
            }

            ModelState.AddModelError("", text.Problem(ProblemException.Conflict("not_blocked", "")));
        }
        catch (AccessDeniedException)
        {
            // Another vendor's agent: as in the API, nothing is said about them.
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = CallCentreActor.From(User);
        Queue = await queue.ReadAsync(actor, ct);
        var overdue = await callbacks.ListAsync("overdue", actor, ct);
        var due = await callbacks.ListAsync("due", actor, ct);
        Callbacks = [.. overdue, .. due.Take(50)];
    }
}
