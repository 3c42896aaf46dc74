using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Preferences;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Sorts the notifications one <see cref="DeliverNotifications"/> message names, with a few queries per batch
/// instead of per person: only a <c>queued</c> email or SMS goes on (a redelivery or duplicate is dropped); a
/// cancelled campaign's are cancelled; a paused campaign's, or one due later, wait for resume or the scheduler; a
/// channel the person stopped on the portal is suppressed; no readable address fails; an SMS in the person's quiet
/// hours is deferred. What remains is sendable, with its recipient.
/// </summary>
public sealed partial class DeliveryBatch(
    NotificationsDbContext db, ICampaignDirections campaigns, RecipientReader reader, DeliveryOutcomes outcomes, QuietHours quietHours, TimeProvider clock,
    ILogger<DeliveryBatch> logger)
{
    public async Task<List<(Notification Notification, RecipientDetails Recipient)>> SendableAsync(IReadOnlyList<Guid> notificationIds, CancellationToken ct)
    {
        var ids = notificationIds.Distinct().ToList();
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => ids.Contains(n.Id) && n.Status == DeliveryStatus.Queued && n.Channel != Channel.Letter)
            .ToListAsync(ct);
        if (notifications.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var held = await campaigns.HeldAsync(
            [.. notifications.Where(n => n.CampaignId is not null).Select(n => n.CampaignId!.Value).Distinct()], ct);
        CampaignHold? Hold(Notification n) => n.CampaignId is { } id && held.TryGetValue(id, out var hold) ? hold : null;
        await CancelAsync(notifications.Where(n => Hold(n) == CampaignHold.Cancelled), ct);

        // Paused: resume hands them back. NotBefore in the future: the scheduler does, then.
        var due = notifications.Where(n => Hold(n) is null && !(n.NotBefore > now)).ToList();
        due = await WithoutStoppedChannelsAsync(due, ct);
        var recipients = await reader.ReadAsync(due, ct);
        var sendable = new List<(Notification, RecipientDetails)>();
        foreach (var notification in due)
        {
            var recipient = recipients.GetValueOrDefault(notification.Id);
            if (recipient?.Address is not { } address || address.Reveal().Length == 0)
            {
                LogNoAddress(logger, notification.Id);
                await outcomes.FailBeforeSendingAsync(notification.Id, "no_address", ct);
            }
            else if (notification.Channel == Channel.Sms && quietHours.DeferUntil(recipient.Country, now) is { } later)
            {
                await db.Notifications.Where(n => n.Id == notification.Id && n.Status == DeliveryStatus.Queued)
                    .ExecuteUpdateAsync(n => n.SetProperty(x => x.NotBefore, later), ct);
            }
            else
            {
                sendable.Add((notification, recipient));
            }
        }

        return sendable;
    }

    /// <summary>Still queued, due now: the scheduler publishes them again. A suppressed one is simply suppressed then.</summary>
    public async Task HandBackAsync(IReadOnlyList<Guid> ids)
    {
        var now = clock.GetUtcNow();
        var handedBack = await db.Notifications.Where(n => ids.Contains(n.Id) && n.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.NotBefore, now), CancellationToken.None);
        LogHandedBack(logger, handedBack);
    }

    /// <summary>
    /// Queued before the person stopped the channel on the portal: suppressed, and the campaign's next channel tried,
    /// as for an address on the do-not-contact list.
    /// </summary>
    private async Task<List<Notification>> WithoutStoppedChannelsAsync(List<Notification> due, CancellationToken ct)
    {
        var preferences = await ContactPreferences.ForAsync(db, [.. due.Select(n => n.IncidentId).Distinct()],
            [.. due.Select(n => n.PersonId).Distinct()], ct);
        if (preferences.Count == 0)
        {
            return due;
        }

        var kept = new List<Notification>(due.Count);
        foreach (var notification in due)
        {
            if (preferences.GetValueOrDefault((notification.IncidentId, notification.PersonId))?.Stops(notification.Channel) == true)
            {
                await outcomes.SuppressAsync(notification.Id, ct);
            }
            else
            {
                kept.Add(notification);
            }
        }

        return kept;
    }

    private async Task CancelAsync(IEnumerable<Notification> cancelled, CancellationToken ct)
    {
        var ids = cancelled.Select(n => n.Id).ToList();
        if (ids.Count > 0)
        {
            await db.Notifications.Where(n => ids.Contains(n.Id) && n.Status == DeliveryStatus.Queued)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.Status, DeliveryStatus.Cancelled), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Count} unsent notifications handed back to the scheduler")]
    private static partial void LogHandedBack(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} has no readable address for its channel")]
    private static partial void LogNoAddress(ILogger logger, Guid notificationId);
}
