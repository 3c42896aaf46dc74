using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Delivery;

/// <summary>Sends one rendered notification on one channel, with that channel's claim protocol.</summary>
public interface IChannelDelivery
{
    Channel Channel { get; }

    /// <summary>The provider's acceptance is the last word we get, so it counts as delivered.</summary>
    bool DeliveredOnAccept { get; }

    /// <summary>
    /// The claim alone stops a second send, so the accepted sends of a batch can be recorded together at its end;
    /// otherwise each answer is recorded before the next send.
    /// </summary>
    bool RecordsAtBatchEnd { get; }

    /// <summary><see cref="SendOutcome.Abandoned"/> when another worker holds the notification or nothing was handed over.</summary>
    Task<SendResult> SendAsync(Notification notification, RecipientDetails recipient, RenderedMessage rendered, CancellationToken ct);
}
