using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Campaigns;

public sealed record CancelCampaign(Guid CampaignId) : ICommand;

/// <summary>Closes what was not sent (queued → cancelled) and publishes the campaign's final totals.</summary>
public sealed class CancelCampaignHandler(NotificationsDbContext db, CurrentActor actor, TimeProvider clock) : ICommandHandler<CancelCampaign>
{
    public async ValueTask<Unit> Handle(CancelCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await CampaignLifeCycle.FindAsync(db, command.CampaignId, cancellationToken);
        if (campaign.Status is CampaignStatus.Completed or CampaignStatus.Cancelled)
        {
            throw CampaignLifeCycle.Conflict(campaign, "cancel");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        campaign.Status = CampaignStatus.Cancelled;
        campaign.CompletedAt = now;
        CampaignLifeCycle.Audit(db, actor, PrivilegedActions.CampaignCancelled, campaign);
        await db.SaveChangesAsync(cancellationToken);
        await db.Notifications.Where(n => n.CampaignId == campaign.Id && n.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Status, DeliveryStatus.Cancelled).SetProperty(x => x.CompletedAt, now), cancellationToken);
        var totals = await CampaignTotals.ComputeAsync(db, campaign.Id, cancellationToken);
        db.Publish(totals.Completed(campaign, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
