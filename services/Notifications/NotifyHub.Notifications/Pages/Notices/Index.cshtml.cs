using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Web.Charts;

namespace NotifyHub.Notifications.Pages.Notices;

/// <summary>
/// An incident's notices by channel and status (chart and table), the people this module knows for it, and its
/// campaigns. Counts only: no person appears. <see cref="OnGetLiveAsync"/> is the fragment htmx refreshes.
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class IndexModel(NotificationsDbContext db, IMediator mediator, IStringLocalizer<NotificationsText> text) : PageModel
{
    private static readonly DeliveryStatus[] Statuses =
    [
        DeliveryStatus.Queued, DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Failed,
        DeliveryStatus.Suppressed, DeliveryStatus.Cancelled,
    ];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public int People { get; private set; }

    public StackedBarChart Chart { get; private set; } = null!;

    public Paged<CampaignSummary> Campaigns { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == Id, ct))
        {
            return NotFound();
        }

        await LoadFiguresAsync(ct);
        Campaigns = await mediator.Send(new ListCampaigns(Id, new PageRequest(0, PageRequest.MaxTake)), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetLiveAsync(CancellationToken ct)
    {
        await LoadFiguresAsync(ct);
        return Partial("_Notices", this);
    }

    private async Task LoadFiguresAsync(CancellationToken ct)
    {
        People = await db.AffectedParties.Where(p => p.IncidentId == Id).Select(p => p.PersonId).Distinct().CountAsync(ct);
        var counts = await db.Notifications.Where(n => n.IncidentId == Id)
            .GroupBy(n => new { n.Channel, n.Status })
            .Select(g => new { g.Key.Channel, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var rows = Enum.GetValues<Channel>().Select(channel => new ChartRow(
            text["Channel_" + channel.ToCode()],
            [.. Statuses.Select(status => (long)counts
                .Where(c => c.Channel == channel && (c.Status == status || (status == DeliveryStatus.Queued && c.Status == DeliveryStatus.Sending)))
                .Sum(c => c.Count))])).ToList();
        Chart = new StackedBarChart("notices-chart", text["NoticesChart"], text["Channel"],
            [.. Statuses.Select(s => text["DeliveryStatus_" + s.ToString().ToLowerInvariant()].Value)], rows);
    }
}
