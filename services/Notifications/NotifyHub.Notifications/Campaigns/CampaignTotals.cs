using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Campaigns;

/// <summary>
/// Counts of a campaign's notifications by status (<c>queued</c> includes those being sent right now). Letters the print
/// house reported posted or returned count there, no longer in <c>delivered</c>.
/// </summary>
public sealed record ChannelTotals(int Total, int Queued, int Sent, int Delivered, int Failed, int Suppressed, int Cancelled, int Posted = 0, int Returned = 0)
{
    public int Open => Queued;

    public static ChannelTotals From(IEnumerable<(DeliveryStatus Status, int Count)> counts)
    {
        var byStatus = counts.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        int Of(DeliveryStatus s) => byStatus.GetValueOrDefault(s);
        return new ChannelTotals(byStatus.Values.Sum(), Of(DeliveryStatus.Queued) + Of(DeliveryStatus.Sending), Of(DeliveryStatus.Sent),
            Of(DeliveryStatus.Delivered), Of(DeliveryStatus.Failed), Of(DeliveryStatus.Suppressed), Of(DeliveryStatus.Cancelled),
            Of(DeliveryStatus.Posted), Of(DeliveryStatus.Returned));
    }
}

public sealed record CampaignTotals(ChannelTotals Overall, IReadOnlyDictionary<string, ChannelTotals> ByChannel)
{
    public static async Task<CampaignTotals> ComputeAsync(NotificationsDbContext db, Guid campaignId, CancellationToken ct)
    {
        var rows = await db.Notifications.Where(n => n.CampaignId == campaignId)
            .GroupBy(n => new { n.Channel, n.Status })
            .Select(g => new { g.Key.Channel, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var overall = ChannelTotals.From(rows.Select(r => (r.Status, r.Count)));
        var byChannel = rows.GroupBy(r => r.Channel).ToDictionary(
            g => g.Key.ToCode(), g => ChannelTotals.From(g.Select(r => (r.Status, r.Count))));
        return new CampaignTotals(overall, byChannel);
    }

    public CampaignCompleted Completed(Campaign campaign, DateTimeOffset at) => new(campaign.Id, campaign.IncidentId,
        campaign.Status.ToCode(), Overall.Total, Overall.Sent, Overall.Delivered, Overall.Failed, Overall.Suppressed,
        Overall.Cancelled, at);
}
