using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Campaigns;

/// <summary>How campaigns direct delivery (see <see cref="ICampaignDirections"/>): holds, fallbacks and completion.</summary>
public sealed class CampaignDirections(NotificationsDbContext db, CampaignEnrolment enrolment, TimeProvider clock) : ICampaignDirections
{
    public async Task<IReadOnlyDictionary<Guid, CampaignHold>> HeldAsync(IReadOnlyCollection<Guid> campaignIds, CancellationToken ct)
    {
        if (campaignIds.Count == 0)
        {
            return new Dictionary<Guid, CampaignHold>();
        }

        var ids = campaignIds.ToList();
        var held = await db.Campaigns.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && (c.Status == CampaignStatus.Paused || c.Status == CampaignStatus.Cancelled))
            .Select(c => new { c.Id, c.Status }).ToListAsync(ct);
        return held.ToDictionary(c => c.Id, c => c.Status == CampaignStatus.Paused ? CampaignHold.Paused : CampaignHold.Cancelled);
    }

    public Task<List<Guid?>> RunningAsync(CancellationToken ct) =>
        db.Campaigns.Where(c => c.Status == CampaignStatus.Running).Select(c => (Guid?)c.Id).ToListAsync(ct);

    public async Task FallBackAsync(Notification failed, CancellationToken ct)
    {
        if (failed.CampaignId is { } campaignId && await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId, ct) is { } campaign)
        {
            await enrolment.FallBackAsync(campaign, failed, ct);
        }
    }

    public async Task CompleteFinishedAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var candidates = await db.Campaigns.Where(c => c.Status == CampaignStatus.Running && c.EnrolmentComplete)
            .Select(c => c.Id).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var open = await db.Notifications.AnyAsync(n => n.CampaignId == id
                && (n.Status == DeliveryStatus.Queued || n.Status == DeliveryStatus.Sending
                    // Only an SMS waits in "sent" for a receipt; an email's "sent" is as far as it will get.
                    || (n.Status == DeliveryStatus.Sent && n.Channel == Channel.Sms)), ct);
            if (open)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            if (await db.Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Running)
                    .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CampaignStatus.Completed).SetProperty(x => x.CompletedAt, now), ct) == 1)
            {
                var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == id, ct);
                db.Publish((await CampaignTotals.ComputeAsync(db, id, ct)).Completed(campaign, now));
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
    }
}
