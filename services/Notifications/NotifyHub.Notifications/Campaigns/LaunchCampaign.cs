using Mediator;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Proofs;

namespace NotifyHub.Notifications.Campaigns;

public sealed record LaunchCampaign(Guid CampaignId) : ICommand;

/// <summary>
/// Launch only starts the fan-out (one <see cref="EnrolCampaignPage"/>), so it answers at once whatever the
/// campaign's size. Every channel must name a template first, and a letter template an approved proof of each of its
/// languages: nothing is sent otherwise.
/// </summary>
public sealed class LaunchCampaignHandler(NotificationsDbContext db, CurrentActor actor, TimeProvider clock) : ICommandHandler<LaunchCampaign>
{
    public async ValueTask<Unit> Handle(LaunchCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await CampaignLifeCycle.FindAsync(db, command.CampaignId, cancellationToken);
        CampaignLifeCycle.Require(campaign, CampaignStatus.Draft, "launch");
        var missing = campaign.Channels.Where(c => campaign.TemplateFor(c) is null).Select(c => c.ToCode()).ToList();
        if (missing.Count > 0)
        {
            throw ProblemException.Invalid("missing_template",
                $"The campaign uses {string.Join(", ", missing)} but names no template for it; nothing was sent.");
        }

        if (campaign.Channels.Contains(Delivery.Channel.Letter) && campaign.TemplateFor(Delivery.Channel.Letter) is { } letter)
        {
            await ProofApprovals.RequireApprovedAsync(db, letter, cancellationToken);
        }

        campaign.Status = CampaignStatus.Running;
        campaign.LaunchedAt = clock.GetUtcNow();
        db.Publish(new EnrolCampaignPage(campaign.Id, 0));
        CampaignLifeCycle.Audit(db, actor, PrivilegedActions.CampaignLaunched, campaign);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
