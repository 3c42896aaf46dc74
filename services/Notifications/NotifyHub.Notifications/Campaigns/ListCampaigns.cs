using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Campaigns;

/// <summary><c>GET /api/v1/incidents/{id}/campaigns?skip&amp;take</c>: an incident's campaigns, newest first (progress is per campaign).</summary>
public sealed record ListCampaigns(Guid IncidentId, PageRequest Page) : IQuery<Paged<CampaignSummary>>;

public sealed record CampaignSummary(
    Guid Id, string Name, string Status, string Strategy, IReadOnlyList<string> Channels, DateTimeOffset CreatedAt,
    DateTimeOffset? LaunchedAt, DateTimeOffset? CompletedAt);

public sealed class ListCampaignsHandler(NotificationsDbContext db) : IQueryHandler<ListCampaigns, Paged<CampaignSummary>>
{
    public async ValueTask<Paged<CampaignSummary>> Handle(ListCampaigns query, CancellationToken cancellationToken)
    {
        var campaigns = db.Campaigns.AsNoTracking().Where(c => c.IncidentId == query.IncidentId);
        var total = await campaigns.CountAsync(cancellationToken);
        var page = await campaigns.OrderByDescending(c => c.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .ToListAsync(cancellationToken);
        var items = page.Select(c => new CampaignSummary(c.Id, c.Name, c.Status.ToCode(), c.Strategy.ToCode(),
            [.. c.Channels.Select(WireCode<Channel>.Of)], c.CreatedAt, c.LaunchedAt, c.CompletedAt)).ToList();
        return new Paged<CampaignSummary>(items, query.Page.Skip, query.Page.Take, total);
    }
}
