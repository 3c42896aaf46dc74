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
/// Sends one email or SMS, exactly once as far as the state machine can make it:
/// <list type="number">
/// <item>only a <c>queued</c> notification is sent; anything else (a redelivery, a duplicate) is acknowledged and dropped;</item>
/// <item>before the provider is called, one conditional UPDATE moves it <c>queued → sending</c> with a lease (the intent;
/// its Message-ID is fixed by its id) — of two workers holding the same message, only one wins it;</item>
/// <item>the provider's answer and the events commit in one transaction.</item>
/// </list>
/// A worker killed between the provider accepting and step 3 leaves it <c>sending</c>: nobody can know whether the
/// server took it. After the lease the scheduler sends it again with the SAME Message-ID, so the copy is recognisable
/// (mail clients and most MTAs collapse it) — a person is never left un-notified, and a duplicate is at worst the one
/// message that was on the wire at the instant of the crash.
/// </summary>
public sealed partial class DeliverNotificationConsumer(
    NotificationsDbContext db, RecipientReader reader, TemplateCache cache, TemplateRenderer renderer, IEmailSender email,
    ISmsSender sms, SuppressionList suppressions, DeliveryOutcomes outcomes, ChannelThrottle throttle, QuietHours quietHours,
    IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<DeliverNotificationConsumer> logger)
    : IConsumer<DeliverNotification>
{
    public async Task Consume(ConsumeContext<DeliverNotification> context)
    {
        var ct = context.CancellationToken;
        var notification = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == context.Message.NotificationId, ct);
        if (notification is not { Status: DeliveryStatus.Queued } || notification.Channel == Channel.Letter)
        {
            return;
        }

        var campaign = notification.CampaignId is { } id ? await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        if (campaign is { Status: CampaignStatus.Cancelled })
        {
            await db.Notifications.Where(n => n.Id == notification.Id && n.Status == DeliveryStatus.Queued)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.Status, DeliveryStatus.Cancelled), ct);
            return;
        }

        var now = clock.GetUtcNow();
        if (campaign is { Status: CampaignStatus.Paused } || notification.NotBefore > now)
        {
            return; // resume, or the scheduler at NotBefore, hands it back
        }

        var recipient = await reader.ReadAsync(notification, ct);
        if (recipient?.Address is not { } address || address.Reveal().Length == 0)
        {
            LogNoAddress(logger, notification.Id);
            await FailAsync(notification.Id, "no_address", ct);
            return;
        }

        if (notification.Channel == Channel.Sms && quietHours.DeferUntil(recipient.Country, now) is { } later)
        {
            await db.Notifications.Where(n => n.Id == notification.Id && n.Status == DeliveryStatus.Queued)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.NotBefore, later), ct);
            return;
        }

        if (await suppressions.IsSuppressedAsync(notification.IncidentId, notification.Channel, address, ct))
        {
            await outcomes.SuppressAsync(notification.Id, ct);
            return;
        }

        await throttle.WaitAsync(notification.Channel, ct);
        if (!await ClaimAsync(notification, ct))
        {
            return;
        }

        // Claimed: from here on, stopping the consumer (shutdown, a broker connection lost) must not cut the send
        // short, or the server may take a message whose outcome we never record and the lease sends it again.
        // The lease bounds the work instead: past it, the scheduler hands the notification to another worker, so a
        // send still waiting for its connection at half the lease gives up (unsent, it is safe to send it again).
        using var sending = new CancellationTokenSource(options.Value.SendLease / 2);
        ct = sending.Token;
        var template = await cache.TemplateAsync(db, notification.TemplateId, ct);
        var rendered = renderer.Render(template, recipient.Recipient, await cache.IncidentAsync(db, notification.IncidentId, ct));
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
        await outcomes.ApplyAsync(notification.Id, result, deliveredOnAccept, address, CancellationToken.None);
    }

    /// <summary>queued → sending, only if nobody else took it since we read it. Committed before the provider is called.</summary>
    private async Task<bool> ClaimAsync(Notification notification, CancellationToken ct)
    {
        var lease = clock.GetUtcNow() + options.Value.SendLease;
        var attempts = notification.Attempts;
        return await db.Notifications
            .Where(n => n.Id == notification.Id && n.Status == DeliveryStatus.Queued && n.Attempts == attempts)
            .ExecuteUpdateAsync(n => n
                .SetProperty(x => x.Status, DeliveryStatus.Sending)
                .SetProperty(x => x.LeaseUntil, lease)
                .SetProperty(x => x.Attempts, attempts + 1), ct) == 1;
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
