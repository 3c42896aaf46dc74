using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Email;
using NotifyHub.Notifications.Sms;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Sends emails and SMS, exactly once as far as the state machine can make it. Messages arrive in batches (see
/// <see cref="DeliverNotificationsConsumerDefinition"/>) so that reading the notifications, their campaigns, projections
/// and suppressions costs a few queries per batch instead of per person. Each send is then its own unit:
/// <list type="number">
/// <item>only a <c>queued</c> notification is sent; anything else (a redelivery, a duplicate) is acknowledged and dropped;</item>
/// <item>just before the provider is called, one conditional UPDATE moves it <c>queued → sending</c> with a lease (the
/// intent; its Message-ID is fixed by its id) — of two workers holding the same message, only one wins it;</item>
/// <item>the provider's answer and the events commit in one transaction, before the next send of the batch.</item>
/// </list>
/// A worker killed between the provider accepting and step 3 leaves it <c>sending</c>: nobody can know whether the
/// server took it. After the lease the scheduler sends it again with the SAME Message-ID, so the copy is recognisable
/// (mail clients and most MTAs collapse it) — a person is never left un-notified, and a duplicate is at worst one of
/// the few messages whose outcome was being committed at the instant of the crash.
/// </summary>
public sealed partial class DeliverNotificationsConsumer(
    NotificationsDbContext db, RecipientReader reader, TemplateCache cache, TemplateRenderer renderer, IEmailSender email,
    ISmsSender sms, SuppressionList suppressions, DeliveryOutcomes outcomes, ChannelThrottle throttle, QuietHours quietHours,
    IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<DeliverNotificationsConsumer> logger)
    : IConsumer<Batch<DeliverNotification>>
{
    public async Task Consume(ConsumeContext<Batch<DeliverNotification>> context)
    {
        var ct = context.CancellationToken;
        var ids = context.Message.Select(m => m.Message.NotificationId).Distinct().ToList();
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => ids.Contains(n.Id) && n.Status == DeliveryStatus.Queued && n.Channel != Channel.Letter)
            .ToListAsync(ct);
        if (notifications.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var campaigns = await CampaignStatusesAsync(notifications, ct);
        await CancelAsync(notifications.Where(n => campaigns.GetValueOrDefault(n.CampaignId ?? Guid.Empty) == CampaignStatus.Cancelled), ct);

        // Paused: resume hands them back. NotBefore in the future: the scheduler does, then.
        var due = notifications.Where(n => campaigns.GetValueOrDefault(n.CampaignId ?? Guid.Empty)
            is not (CampaignStatus.Cancelled or CampaignStatus.Paused) && !(n.NotBefore > now)).ToList();
        var recipients = await reader.ReadAsync(due, ct);
        var sendable = new List<(Notification Notification, RecipientDetails Recipient)>();
        foreach (var notification in due)
        {
            var recipient = recipients.GetValueOrDefault(notification.Id);
            if (recipient?.Address is not { } address || address.Reveal().Length == 0)
            {
                LogNoAddress(logger, notification.Id);
                await FailAsync(notification.Id, "no_address", ct);
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

        var suppressed = await suppressions.SuppressedAsync(
            [.. sendable.Select(s => new SuppressionList.Candidate(s.Notification.Id, s.Notification.IncidentId, s.Notification.Channel, s.Recipient.Address!))], ct);
        foreach (var (notification, recipient) in sendable)
        {
            if (suppressed.Contains(notification.Id))
            {
                await outcomes.SuppressAsync(notification.Id, ct);
                continue;
            }

            await throttle.WaitAsync(notification.Channel, ct);
            await SendAsync(notification, recipient);
        }
    }

    private async Task SendAsync(Notification notification, RecipientDetails recipient)
    {
        // Claimed: from here on, stopping the consumer (shutdown, a broker connection lost) must not cut the send
        // short, or the server may take a message whose outcome we never record and the lease sends it again.
        // The lease bounds the work instead: past it, the scheduler hands the notification to another worker, so a
        // send still waiting for its connection at half the lease gives up (unsent, it is safe to send it again).
        var lease = clock.GetUtcNow() + options.Value.SendLease;
        using var sending = new CancellationTokenSource(options.Value.SendLease / 2);
        var ct = sending.Token;
        if (!await ClaimAsync(notification, lease, ct))
        {
            return;
        }

        var template = await cache.TemplateAsync(db, notification.TemplateId, ct);
        var rendered = renderer.Render(template, recipient.Recipient, await cache.IncidentAsync(db, notification.IncidentId, ct));
        var address = recipient.Address!;
        SendResult result;
        bool deliveredOnAccept;
        if (notification.Channel == Channel.Email)
        {
            var name = $"{recipient.Recipient.GivenName.Reveal()} {recipient.Recipient.FamilyName.Reveal()}".Trim();
            result = await email.SendAsync(new EmailMessage(notification.Id, address, Privacy.Fields.Sensitive.Of(name),
                rendered.Subject ?? "", rendered.Body, rendered.Text ?? ""), ct);
            // No DSN reaches us from plain SMTP: the server's 250 is the last word we get, so it counts as delivered.
            deliveredOnAccept = true;
        }
        else
        {
            result = await sms.SendAsync(new SmsMessage(notification.Id, address, rendered.Body, recipient.Country), ct);
            // Twilio reports delivery later through its status callback; a file written is as delivered as it gets.
            deliveredOnAccept = !sms.ReportsDeliveryLater;
        }

        // The provider has answered: record it even if this consumer is being stopped, or it would be sent again.
        await outcomes.ApplyAsync(notification, result, deliveredOnAccept, address, CancellationToken.None);
    }

    /// <summary>queued → sending, only if nobody else took it since we read it. Committed before the provider is called.</summary>
    private async Task<bool> ClaimAsync(Notification notification, DateTimeOffset lease, CancellationToken ct)
    {
        var attempts = notification.Attempts;
        var claimed = await db.Notifications
            .Where(n => n.Id == notification.Id && n.Status == DeliveryStatus.Queued && n.Attempts == attempts)
            .ExecuteUpdateAsync(n => n
                .SetProperty(x => x.Status, DeliveryStatus.Sending)
                .SetProperty(x => x.LeaseUntil, lease)
                .SetProperty(x => x.Attempts, attempts + 1), ct) == 1;
        if (claimed)
        {
            notification.Claimed(lease);
        }

        return claimed;
    }

    private async Task<Dictionary<Guid, CampaignStatus>> CampaignStatusesAsync(List<Notification> notifications, CancellationToken ct)
    {
        var campaignIds = notifications.Where(n => n.CampaignId is not null).Select(n => n.CampaignId!.Value).Distinct().ToList();
        return await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Status, ct);
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

    private async Task FailAsync(Guid notificationId, string code, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var tracked = await db.Notifications.FirstAsync(n => n.Id == notificationId, ct);
        await outcomes.FailAsync(tracked, code, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} has no readable address for its channel")]
    private static partial void LogNoAddress(ILogger logger, Guid notificationId);
}
