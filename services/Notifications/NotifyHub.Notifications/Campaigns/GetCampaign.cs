using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Campaigns;

public sealed record GetCampaign(Guid CampaignId) : IQuery<CampaignView>;

/// <param name="Failures">Failed notifications by reason code (<c>address_does_not_fit</c>, <c>no_postal_address</c>, a provider's).</param>
public sealed record CampaignView(
    Guid Id, Guid IncidentId, string Name, string Status, string Strategy, IReadOnlyList<string> Channels,
    int Total, int Queued, int Sent, int Delivered, int Failed, int Suppressed, int Cancelled,
    IReadOnlyDictionary<string, ChannelTotals> ByChannel, DateTimeOffset? LaunchedAt, DateTimeOffset? CompletedAt,
    IReadOnlyDictionary<string, int> Failures, int Posted = 0, int Returned = 0);

public sealed class GetCampaignHandler(NotificationsDbContext db) : IQueryHandler<GetCampaign, CampaignView>
{
    public async ValueTask<CampaignView> Handle(GetCampaign query, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.CampaignId, cancellationToken)
            ?? throw ProblemException.NotFound("Campaign", query.CampaignId);
        var totals = await CampaignTotals.ComputeAsync(db, campaign.Id, cancellationToken);
        var o = totals.Overall;
        return new CampaignView(campaign.Id, campaign.IncidentId, campaign.Name, campaign.Status.ToCode(), campaign.Strategy.ToCode(),
            [.. campaign.Channels.Select(WireCode<Delivery.Channel>.Of)], o.Total, o.Queued, o.Sent, o.Delivered, o.Failed,
            o.Suppressed, o.Cancelled, totals.ByChannel, campaign.LaunchedAt, campaign.CompletedAt,
            await FailuresAsync(campaign.Id, cancellationToken), o.Posted, o.Returned);
    }

    /// <summary>Codes only, never a person: why the failed ones failed, so an officer can act on a whole kind at once.</summary>
    private async Task<IReadOnlyDictionary<string, int>> FailuresAsync(Guid campaignId, CancellationToken ct)
    {
        var rows = await db.Notifications.Where(n => n.CampaignId == campaignId && n.Status == Delivery.DeliveryStatus.Failed)
            .GroupBy(n => n.ErrorCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).ToDictionary(r => r.Code ?? "failed", r => r.Count);
    }
}
