using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Notifications.Campaigns;

public sealed record LaunchCampaign(Guid CampaignId) : ICommand;

public sealed record PauseCampaign(Guid CampaignId) : ICommand;

public sealed record ResumeCampaign(Guid CampaignId) : ICommand;

public sealed record CancelCampaign(Guid CampaignId) : ICommand;

/// <summary>
/// The campaign's life cycle. Launch only starts the fan-out (one <see cref="EnrolCampaignPage"/>), so it answers at
/// once whatever the campaign's size; pause stops sending at the next message; resume hands every still-queued
/// notification back to the scheduler; cancel closes what was not sent.
/// </summary>
public sealed class CampaignCommandsHandler(NotificationsDbContext db, CurrentActor actor, TimeProvider clock)
    : ICommandHandler<LaunchCampaign>, ICommandHandler<PauseCampaign>, ICommandHandler<ResumeCampaign>, ICommandHandler<CancelCampaign>
{
    public async ValueTask<Unit> Handle(LaunchCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await FindAsync(command.CampaignId, cancellationToken);
        Require(campaign, CampaignStatus.Draft, "launch");
        var missing = campaign.Channels.Where(c => campaign.TemplateFor(c) is null).Select(c => c.ToCode()).ToList();
        if (missing.Count > 0)
        {
            throw new ProblemException(400, "missing_template", "A channel has no template",
                $"The campaign uses {string.Join(", ", missing)} but names no template for it; nothing was sent.");
        }

        campaign.Status = CampaignStatus.Running;
        campaign.LaunchedAt = clock.GetUtcNow();
        db.Publish(new EnrolCampaignPage(campaign.Id, 0));
        Audit(PrivilegedActions.CampaignLaunched, campaign);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(PauseCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await FindAsync(command.CampaignId, cancellationToken);
        Require(campaign, CampaignStatus.Running, "pause");
        campaign.Status = CampaignStatus.Paused;
        Audit(PrivilegedActions.CampaignPaused, campaign);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(ResumeCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await FindAsync(command.CampaignId, cancellationToken);
        Require(campaign, CampaignStatus.Paused, "resume");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        campaign.Status = CampaignStatus.Running;
        Audit(PrivilegedActions.CampaignResumed, campaign);
        await db.SaveChangesAsync(cancellationToken);
        // Deliveries that arrived while paused were dropped: the scheduler republishes these.
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.CampaignId == campaign.Id && n.Status == DeliveryStatus.Queued && n.Channel != Channel.Letter && n.NotBefore == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.NotBefore, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(CancelCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await FindAsync(command.CampaignId, cancellationToken);
        if (campaign.Status is CampaignStatus.Completed or CampaignStatus.Cancelled)
        {
            throw Conflict(campaign, "cancel");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        campaign.Status = CampaignStatus.Cancelled;
        campaign.CompletedAt = now;
        Audit(PrivilegedActions.CampaignCancelled, campaign);
        await db.SaveChangesAsync(cancellationToken);
        await db.Notifications.Where(n => n.CampaignId == campaign.Id && n.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Status, DeliveryStatus.Cancelled).SetProperty(x => x.CompletedAt, now), cancellationToken);
        var totals = await CampaignTotals.ComputeAsync(db, campaign.Id, cancellationToken);
        db.Publish(totals.Completed(campaign, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>Queued in the same SaveChanges (and transaction) as the state change it records.</summary>
    private void Audit(string action, Campaign campaign) =>
        db.Audit(actor.Stamp(new AuditEvent(action, AuditOutcomes.Done)
        {
            SubjectId = campaign.Id,
            Details = new Dictionary<string, string>
            {
                ["incident_id"] = campaign.IncidentId.ToString(),
                ["status"] = campaign.Status.ToCode(),
            },
        }));

    private async Task<Campaign> FindAsync(Guid id, CancellationToken ct) =>
        await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw ProblemException.NotFound("Campaign", id);

    private static void Require(Campaign campaign, CampaignStatus status, string action)
    {
        if (campaign.Status != status)
        {
            throw Conflict(campaign, action);
        }
    }

    private static ProblemException Conflict(Campaign campaign, string action) =>
        new(409, "invalid_campaign_state", "The campaign cannot do that now",
            $"A {campaign.Status.ToCode()} campaign cannot {action}.");
}
