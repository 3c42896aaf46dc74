using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Letters;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// What happens later rather than on a message: retries whose backoff has passed and SMS whose quiet hours ended are
/// published again; notifications a dead worker left <c>sending</c> are settled after their lease; letters are
/// batched; finished campaigns are completed. Every instance runs it; the state guards make overlaps harmless.
/// </summary>
public sealed partial class DeliveryScheduler(
    IServiceScopeFactory scopes, IOptions<NotificationsOptions> options, IOptions<BusOptions> bus, TimeProvider clock,
    ILogger<DeliveryScheduler> logger)
    : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = bus.Value.Transport != BusTransport.InMemory;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Inside the retry loop: a first pass that fails (a busy database at start) must not leave them lost.
                if (!recovered)
                {
                    await RecoverInMemoryMessagesAsync(stoppingToken);
                    recovered = true;
                }

                await RunOnceAsync(stoppingToken);
            }
            catch (ObjectDisposedException)
            {
                // The host failed to start (or is going away) and disposed its services under us: nothing left to do.
                return;
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
        await ReleaseExpiredLeasesAsync(scope.ServiceProvider, db, ct);
        await RepublishDueAsync(db, scope.ServiceProvider.GetRequiredService<ICampaignDirections>(), ct);
        await scope.ServiceProvider.GetRequiredService<LetterBatches>().RunAsync(ct);
        await scope.ServiceProvider.GetRequiredService<ICampaignDirections>().CompleteFinishedAsync(ct);
    }

    private async Task ReleaseExpiredLeasesAsync(IServiceProvider services, NotificationsDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // An SMS is claimed before Twilio is called, so its dead worker may never have reached Twilio: sent again (at
        // least once; Twilio's API has no idempotency key to make it exactly once).
        var requeued = await db.Notifications
            .Where(n => n.Status == DeliveryStatus.Sending && n.Channel == Channel.Sms && n.LeaseUntil < now)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Status, DeliveryStatus.Queued).SetProperty(x => x.NotBefore, now), ct);
        if (requeued > 0)
        {
            LogRequeued(logger, requeued);
        }

        // An email is claimed at its point of no return, just before SMTP's end-of-data mark (see ClaimingBody), so
        // its dead worker had all but certainly handed it over: sending it again would duplicate it. Recorded sent.
        db.ChangeTracker.Clear();
        var unconfirmed = await db.Notifications.AsNoTracking()
            .Where(n => n.Status == DeliveryStatus.Sending && n.Channel == Channel.Email && n.LeaseUntil < now)
            .OrderBy(n => n.Id).Take(Batch).ToListAsync(ct);
        var outcomes = services.GetRequiredService<DeliveryOutcomes>();
        foreach (var notification in unconfirmed)
        {
            await outcomes.ApplyAsync(notification, SendResult.Unconfirmed("worker stopped"), deliveredOnAccept: false, address: null, ct);
        }

        if (unconfirmed.Count > 0)
        {
            LogUnconfirmed(logger, unconfirmed.Count);
        }
    }

    /// <summary>
    /// The in-memory bus keeps nothing across a restart: the messages of notifications still queued when the last
    /// process stopped are gone. Made due now, they are published again (a duplicate is harmless: only a queued
    /// notification is sent, and only once).
    /// </summary>
    private async Task RecoverInMemoryMessagesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        var recovered = await db.Notifications
            .Where(n => n.Status == DeliveryStatus.Queued && n.Channel != Channel.Letter && n.NotBefore == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.NotBefore, now), ct);
        if (recovered > 0)
        {
            LogRecovered(logger, recovered);
        }
    }

    private async Task RepublishDueAsync(NotificationsDbContext db, ICampaignDirections campaigns, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var running = await campaigns.RunningAsync(ct);
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
            }

            foreach (var message in DeliverNotifications.For(due.Select(n => n.Id), options.Value.DeliveryBatchSize))
            {
                db.Publish(message);
            }

            await db.SaveChangesAsync(ct);
            if (due.Count < Batch)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery scheduler pass failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} queued notifications published again: the in-memory bus lost their messages at the last stop")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} SMS were left sending by a worker that stopped; sending them again")]
    private static partial void LogRequeued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} emails were handed to the SMTP server by a worker that stopped before its answer; recorded sent, not sent again")]
    private static partial void LogUnconfirmed(ILogger logger, int count);
}
