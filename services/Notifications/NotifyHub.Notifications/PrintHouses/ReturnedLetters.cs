using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// The call centre's follow-up list: a campaign's returned letters whose person has no other notification of the
/// campaign still on its way or delivered (the fall back found no other channel, or that one failed too). Ids only:
/// the agent opens the person through the call-centre screens, which decrypt and audit.
/// </summary>
public sealed record ListReturnedLetters(Guid CampaignId) : IQuery<IReadOnlyList<ReturnedLetter>>;

public sealed record ReturnedLetter(Guid LetterId, Guid PersonId, Guid IncidentId, Guid? BatchId, string Reason, DateTimeOffset? ReturnedAt);

public sealed class ListReturnedLettersHandler(NotificationsDbContext db) : IQueryHandler<ListReturnedLetters, IReadOnlyList<ReturnedLetter>>
{
    public async ValueTask<IReadOnlyList<ReturnedLetter>> Handle(ListReturnedLetters query, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == query.CampaignId, cancellationToken))
        {
            throw ProblemException.NotFound("Campaign", query.CampaignId);
        }

        var returned = await db.Notifications.AsNoTracking()
            .Where(n => n.CampaignId == query.CampaignId && n.Status == DeliveryStatus.Returned
                && !db.Notifications.Any(o => o.CampaignId == n.CampaignId && o.PersonId == n.PersonId && o.Id != n.Id
                    && o.Status != DeliveryStatus.Failed && o.Status != DeliveryStatus.Suppressed && o.Status != DeliveryStatus.Cancelled
                    && o.Status != DeliveryStatus.Returned))
            .OrderBy(n => n.Id).Take(1000).ToListAsync(cancellationToken);
        return [.. returned.Select(n => new ReturnedLetter(n.Id, n.PersonId, n.IncidentId, n.BatchId, n.ErrorCode ?? "", n.CompletedAt))];
    }
}
