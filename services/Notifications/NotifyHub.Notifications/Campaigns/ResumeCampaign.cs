using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Campaigns;

public sealed record ResumeCampaign(Guid CampaignId) : ICommand;

/// <summary>Hands every still-queued notification back to the scheduler, in the transaction that resumes.</summary>
public sealed class ResumeCampaignHandler(NotificationsDbContext db, CurrentActor actor, TimeProvider clock) : ICommandHandler<ResumeCampaign>
{
    public async ValueTask<Unit> Handle(ResumeCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await CampaignLifeCycle.FindAsync(db, command.CampaignId, cancellationToken);
        CampaignLifeCycle.Require(campaign, CampaignStatus.Paused, "resume");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        campaign.Status = CampaignStatus.Running;
        CampaignLifeCycle.Audit(db, actor, PrivilegedActions.CampaignResumed, campaign);
        await db.SaveChangesAsync(cancellationToken);
        // Deliveries that arrived while paused were dropped: the scheduler republishes these.
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.CampaignId == campaign.Id && n.Status == DeliveryStatus.Queued && n.Channel != Channel.Letter && n.NotBefore == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.NotBefore, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
