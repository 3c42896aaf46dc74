using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tallies;
using NotifyHub.Web.Charts;
using NotifyHub.Web.Live;
using NotifyHub.Web.Localisation;
using System.Globalization;

namespace NotifyHub.Notifications.Pages.Notices;

/// <summary>
/// An incident's notices by channel and status (chart and table), the people this module knows for it, and its
/// campaigns. Counts only: no person appears. <see cref="OnGetLiveAsync"/> is the fragment htmx refreshes.
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class IndexModel(NotificationsDbContext db, NoticeTallies tallies, NoticesSentByHour sentByHour, LiveFigures live, IMediator mediator,
    UserClock userClock, IStringLocalizer<NotificationsText> text) : PageModel
{
    private static readonly TimeSpan LiveFor = TimeSpan.FromSeconds(3);

    private static readonly DeliveryStatus[] Statuses =
    [
        DeliveryStatus.Queued, DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Failed,
        DeliveryStatus.Suppressed, DeliveryStatus.Cancelled,
    ];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public int People { get; private set; }

    public StackedBarChart Chart { get; private set; } = null!;

    /// <summary>Notices sent per hour over the last day, per channel, hours in the user's time zone.</summary>
    public ColumnChart OverTime { get; private set; } = null!;

    public Paged<CampaignSummary> Campaigns { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == Id, ct))
        {
            return NotFound();
        }

        Show(await NoticeFigures.ReadAsync(tallies, sentByHour, Id, ct));
        Campaigns = await mediator.Send(new ListCampaigns(Id, new PageRequest(0, PageRequest.MaxTake)), ct);
        return Page();
    }

    /// <summary>
    /// The fragment the incident's dashboard refreshes every few seconds: figures at most a few seconds old, so that
    /// an incident of a million people answers in the time of its render (<see cref="LiveFigures"/>).
    /// </summary>
    public async Task<IActionResult> OnGetLiveAsync(CancellationToken ct)
    {
        var id = Id;
        Show(await live.GetAsync($"notices:{id}", LiveFor, (services, token) => NoticeFigures.ReadAsync(
            services.GetRequiredService<NoticeTallies>(),
            services.GetRequiredService<NoticesSentByHour>(), id, token), ct));
        return Partial("_Notices", this);
    }

    private void Show(NoticeFigures figures)
    {
        People = figures.People;
        var channels = Enum.GetValues<Channel>();
        Chart = new StackedBarChart("notices-chart", text["NoticesChart"], text["Channel"],
            [.. Statuses.Select(s => text["DeliveryStatus_" + s.ToString().ToLowerInvariant()].Value)],
            [.. channels.Select(channel => new ChartRow(text["Channel_" + channel.ToCode()], [.. Statuses.Select(status => figures.Count(channel, status))]))]);
        OverTime = new ColumnChart("notices-over-time", text["NoticesOverTime"], text["Hour"],
            [.. channels.Select(c => text["Channel_" + c.ToCode()].Value)],
            [.. figures.SentByHour.Select(h => new ChartRow(userClock.Local(h.Hour).ToString("HH:mm", CultureInfo.CurrentCulture),
                [.. channels.Select(c => h.Sent.GetValueOrDefault(c))]))]);
    }
}
