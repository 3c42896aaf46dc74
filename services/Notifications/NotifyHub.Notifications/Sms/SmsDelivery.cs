using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Sms;

/// <summary>
/// An SMS, claimed before the provider is called and sent again if its worker dies (at least once): Twilio's API
/// has no last step to hold back. From the claim on, stopping the consumer (shutdown, a broker connection lost)
/// must not cut the request short, or Twilio may take a message whose outcome we never record. The lease bounds
/// the work instead: past it the scheduler hands the notification to another worker, so a request still waiting
/// for a connection at half the lease gives up.
/// </summary>
public sealed class SmsDelivery(NotificationsDbContext db, ISmsSender sms, IOptions<NotificationsOptions> options, TimeProvider clock)
    : IChannelDelivery
{
    public Channel Channel => Channel.Sms;

    // Twilio reports delivery later through its status callback; a file written is as delivered as it gets.
    public bool DeliveredOnAccept => !sms.ReportsDeliveryLater;

    public bool RecordsAtBatchEnd => false;

    public async Task<SendResult> SendAsync(Notification notification, RecipientDetails recipient, RenderedMessage rendered, CancellationToken ct)
    {
        using var sending = new CancellationTokenSource(options.Value.SendLease / 2);
        var lease = clock.GetUtcNow() + options.Value.SendLease;
        if (ct.IsCancellationRequested || await NotificationClaim.ClaimAsync(db, notification, lease, sending.Token) == 0)
        {
            return SendResult.Abandoned;
        }

        notification.Claimed(lease);
        return await sms.SendAsync(new SmsMessage(notification.Id, recipient.Address!, rendered.Body, recipient.Country), sending.Token);
    }
}
