using MassTransit;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Sends emails and SMS, each to each person once. Each message names a batch of notifications (see
/// <see cref="DeliverNotifications"/>); <see cref="DeliveryBatch"/> sorts out those that may not go now, the
/// do-not-contact list removes more, and each remaining send is then its own unit:
/// <list type="number">
/// <item>it waits for its channel's throttle slot;</item>
/// <item>the channel's delivery claims it (<c>queued → sending</c> with a lease, one conditional UPDATE: of two workers
/// holding the same message, only one wins) and sends it: <see cref="Email.EmailDelivery"/> at SMTP's point of no
/// return, <see cref="Sms.SmsDelivery"/> before Twilio is called;</item>
/// <item>the provider's answer and the events commit in one transaction: an SMS's before the next send of the batch,
/// the accepted emails of a batch together at its end (their claims already stop a second send).</item>
/// </list>
/// When the host is stopping, the batch's unsent notifications are handed back to the scheduler (due now, so any
/// instance, or this one at its next start, publishes them again) instead of waiting out their throttle slots.
/// </summary>
public sealed class DeliverNotificationsConsumer(
    DeliveryBatch batch, SuppressionList suppressions, NotificationRendering rendering, IEnumerable<IChannelDelivery> deliveries,
    DeliveryOutcomes outcomes, ChannelThrottle throttle, SendsInFlight inFlight)
    : IConsumer<DeliverNotifications>
{
    private readonly Dictionary<Channel, IChannelDelivery> _deliveries = deliveries.ToDictionary(d => d.Channel);

    public async Task Consume(ConsumeContext<DeliverNotifications> context)
    {
        using var running = inFlight.Enter();
        var ct = context.CancellationToken;
        var sendable = await batch.SendableAsync(context.Message.NotificationIds, ct);
        if (sendable.Count == 0)
        {
            return;
        }

        var suppressed = await suppressions.SuppressedAsync(
            [.. sendable.Select(s => new SuppressionList.Candidate(s.Notification.Id, s.Notification.IncidentId, s.Notification.Channel, s.Recipient.Address!))], ct);
        var accepted = new List<DeliveryOutcomes.Accepted>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, inFlight.Stopping);
        try
        {
            for (var next = 0; next < sendable.Count; next++)
            {
                var (notification, recipient) = sendable[next];
                if (suppressed.Contains(notification.Id))
                {
                    await outcomes.SuppressAsync(notification.Id, ct);
                    continue;
                }

                try
                {
                    inFlight.Stopping.ThrowIfCancellationRequested();
                    await throttle.WaitAsync(notification.Channel, stopping.Token);
                }
                catch (OperationCanceledException) when (inFlight.Stopping.IsCancellationRequested)
                {
                    await batch.HandBackAsync([.. sendable.Skip(next).Select(s => s.Notification.Id)]);
                    return;
                }

                await SendAsync(notification, recipient, accepted, ct);
            }
        }
        finally
        {
            // Accepted emails are recorded together, even if this consumer is being stopped.
            await outcomes.ApplyAcceptedAsync(accepted, CancellationToken.None);
        }
    }

    private async Task SendAsync(Notification notification, RecipientDetails recipient, List<DeliveryOutcomes.Accepted> accepted, CancellationToken ct)
    {
        if (await rendering.RenderAsync(notification, recipient, ct) is not { } rendered)
        {
            return;
        }

        var delivery = _deliveries[notification.Channel];
        var result = await delivery.SendAsync(notification, recipient, rendered, ct);
        if (result.Outcome == SendOutcome.Abandoned)
        {
            return;
        }

        if (result.Outcome == SendOutcome.Sent && delivery.RecordsAtBatchEnd)
        {
            accepted.Add(new DeliveryOutcomes.Accepted(notification, result, delivery.DeliveredOnAccept));
            return;
        }

        // The provider has answered: record it even if this consumer is being stopped (an SMS would be sent again).
        await outcomes.ApplyAsync(notification, result, delivery.DeliveredOnAccept, recipient.Address, CancellationToken.None);
    }
}
