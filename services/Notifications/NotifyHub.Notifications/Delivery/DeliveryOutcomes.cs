using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Notifications.Database;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Applies a provider's answer to a notification and writes the events in the same transaction: sent (and, where the
/// channel has no later receipt, delivered), a retry with backoff, or failed, then suppression of a known-bad
/// address and the fall back to the campaign's next channel.
/// </summary>
public sealed class DeliveryOutcomes(
    NotificationsDbContext db, ICampaignDirections campaigns, SuppressionList suppressions, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    public async Task ApplyAsync(Guid notificationId, SendResult result, bool deliveredOnAccept, Sensitive<string>? address, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var notification = await db.Notifications.FirstAsync(n => n.Id == notificationId, ct);
        await ApplyTrackedAsync(notification, result, deliveredOnAccept, address, ct);
    }

    /// <summary>
    /// The same, for a notification the caller read untracked and whose state it knows (it claimed it): saves reading
    /// it again. Only the columns the outcome changes are written. If its status changed meanwhile (the scheduler
    /// recorded an email unconfirmed after its lease), the outcome is applied again to what is stored now.
    /// </summary>
    public async Task ApplyAsync(Notification notification, SendResult result, bool deliveredOnAccept, Sensitive<string>? address, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Notifications.Attach(notification);
        try
        {
            await ApplyTrackedAsync(notification, result, deliveredOnAccept, address, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ApplyAsync(notification.Id, result, deliveredOnAccept, address, ct);
        }
    }

    /// <summary>
    /// Emails the server accepted, recorded together (a consumer's batch): one commit for all their states and events.
    /// Holding them until then cannot make a duplicate: each email's claim, committed at its end-of-data mark, already
    /// stops it being sent again, and a worker killed before this commit leaves them <c>sending</c>, which the scheduler
    /// records sent after the lease.
    /// </summary>
    public async Task ApplyAcceptedAsync(IReadOnlyList<Accepted> accepted, CancellationToken ct)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        foreach (var (notification, result, deliveredOnAccept) in accepted)
        {
            db.Notifications.Attach(notification);
            Accept(notification, result, deliveredOnAccept, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // One of them moved meanwhile (the scheduler settled it after its lease): each on its own, as stored now.
            foreach (var (notification, result, deliveredOnAccept) in accepted)
            {
                await ApplyAsync(notification.Id, result, deliveredOnAccept, null, ct);
            }
        }
    }

    private void Accept(Notification notification, SendResult result, bool deliveredOnAccept, DateTimeOffset now)
    {
        if (notification.MarkSent(result.ProviderMessageId, now))
        {
            db.Publish(Sent(notification, now));
        }

        if (deliveredOnAccept && notification.MarkDelivered(now))
        {
            db.Publish(Delivered(notification, now));
        }
    }

    private async Task ApplyTrackedAsync(Notification notification, SendResult result, bool deliveredOnAccept, Sensitive<string>? address,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                Accept(notification, result, deliveredOnAccept, now);
                break;
            case SendOutcome.Unconfirmed:
                // Only a claim nobody has answered since: the server all but certainly has it, and no receipt will come.
                if (notification.Status == DeliveryStatus.Sending && notification.MarkSent(null, now))
                {
                    db.Publish(Sent(notification, now));
                }

                break;
            case SendOutcome.Abandoned:
                throw new ArgumentException("An abandoned send has no outcome to record.", nameof(result));
            case SendOutcome.Retryable when notification.Attempts < options.Value.MaxAttempts:
                var backoff = options.Value.RetryDelay * Math.Pow(2, Math.Max(0, notification.Attempts - 1));
                notification.ScheduleRetry(result.Code ?? "retryable", now + Max(backoff, result.RetryAfter ?? TimeSpan.Zero));
                break;
            default:
                await FailAsync(notification, result.Code ?? "failed", now, ct);
                if (result.Outcome == SendOutcome.Permanent && address is not null)
                {
                    await suppressions.AddAsync(notification.IncidentId, notification.Channel, address, SuppressionReason.KnownBad, ct);
                }

                break;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The person's address is on the incident's do-not-contact list: suppressed, and the next channel tried.</summary>
    public async Task SuppressAsync(Guid notificationId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var notification = await db.Notifications.FirstAsync(n => n.Id == notificationId, ct);
        if (notification.Suppress(clock.GetUtcNow()))
        {
            await FallBackAsync(notification, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Fails one notification before any provider was asked (no address, a template over its limits), and saves.</summary>
    public async Task FailBeforeSendingAsync(Guid notificationId, string code, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var tracked = await db.Notifications.FirstAsync(n => n.Id == notificationId, ct);
        await FailAsync(tracked, code, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Fails without a provider answer (no readable projection, no address); tracked changes are saved by the caller.</summary>
    public async Task FailAsync(Notification notification, string code, DateTimeOffset now, CancellationToken ct)
    {
        if (notification.MarkFailed(code, now))
        {
            db.Publish(new NotificationFailed(notification.Id, notification.IncidentId, notification.CampaignId,
                notification.PersonId, notification.Channel.ToCode(), notification.ErrorCode!, now));
            await FallBackAsync(notification, ct);
        }
    }

    public static NotificationSent Sent(Notification n, DateTimeOffset at) =>
        new(n.Id, n.IncidentId, n.CampaignId, n.PersonId, n.Channel.ToCode(), at);

    public static NotificationDelivered Delivered(Notification n, DateTimeOffset at) =>
        new(n.Id, n.IncidentId, n.CampaignId, n.PersonId, n.Channel.ToCode(), at);

    private Task FallBackAsync(Notification notification, CancellationToken ct) => campaigns.FallBackAsync(notification, ct);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>A send the provider accepted, waiting to be recorded with others.</summary>
    public sealed record Accepted(Notification Notification, SendResult Result, bool DeliveredOnAccept);
}
