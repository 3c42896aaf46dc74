using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Letters;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// What happens later rather than on a message: retries whose backoff has passed and SMS whose quiet hours ended are
/// published again; notifications a dead worker left <c>sending</c> are handed back after their lease; letters are
/// batched; finished campaigns are completed. Every instance runs it; the state guards make overlaps harmless.
/// </summary>
public sealed partial class DeliveryScheduler(
    IServiceScopeFactory scopes, IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<DeliveryScheduler> logger)
    : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
            }

            await Task.Delay(options.Value.SchedulerInterval, clock, stoppingToken);
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await ReleaseExpiredLeasesAsync(db, ct);
        await RepublishDueAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<LetterBatches>().RunAsync(ct);
        await CompleteFinishedCampaignsAsync(db, ct);
    }

    private async Task ReleaseExpiredLeasesAsync(NotificationsDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var released = await db.Notifications
            .Where(n => n.Status == DeliveryStatus.Sending && n.Channel != Channel.Letter && n.LeaseUntil < now)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Status, DeliveryStatus.Queued).SetProperty(x => x.NotBefore, now), ct);
        if (released > 0)
        {
            LogReleased(logger, released);
        }
    }

    private async Task RepublishDueAsync(NotificationsDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var running = await db.Campaigns.Where(c => c.Status == CampaignStatus.Running).Select(c => (Guid?)c.Id).ToListAsync(ct);
        while (true)
        {
            db.ChangeTracker.Clear();
            var due = await db.Notifications
                .Where(n => n.Status == DeliveryStatus.Queued && n.Channel != Channel.Letter && n.NotBefore != null && n.NotBefore <= now
                    && (n.CampaignId == null || running.Contains(n.CampaignId)))
                .OrderBy(n => n.NotBefore).Take(Batch).ToListAsync(ct);
            foreach (var notification in due)
            {
                notification.NotBefore = null;
                db.Publish(new DeliverNotification(notification.Id));
            }

            await db.SaveChangesAsync(ct);
            if (due.Count < Batch)
            {
                return;
            }
        }
    }

    private async Task CompleteFinishedCampaignsAsync(NotificationsDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var candidates = await db.Campaigns.Where(c => c.Status == CampaignStatus.Running && c.EnrolmentComplete)
            .Select(c => c.Id).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var open = await db.Notifications.AnyAsync(n => n.CampaignId == id
                && (n.Status == DeliveryStatus.Queued || n.Status == DeliveryStatus.Sending || n.Status == DeliveryStatus.Sent), ct);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery scheduler pass failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} notifications were left sending by a worker that stopped; sending again with their same Message-ID")]
    private static partial void LogReleased(ILogger logger, int count);
}
