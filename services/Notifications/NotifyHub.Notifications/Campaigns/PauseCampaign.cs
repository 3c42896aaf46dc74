using Mediator;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Campaigns;

public sealed record PauseCampaign(Guid CampaignId) : ICommand;

/// <summary>Sending stops at the next delivery message: a paused campaign's queued notifications are left queued.</summary>
public sealed class PauseCampaignHandler(NotificationsDbContext db, CurrentActor actor) : ICommandHandler<PauseCampaign>
{
    public async ValueTask<Unit> Handle(PauseCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await CampaignLifeCycle.FindAsync(db, command.CampaignId, cancellationToken);
        CampaignLifeCycle.Require(campaign, CampaignStatus.Running, "pause");
        campaign.Status = CampaignStatus.Paused;
        CampaignLifeCycle.Audit(db, actor, PrivilegedActions.CampaignPaused, campaign);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
