using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Sms;

/// <summary>Hands one SMS to a provider: Twilio's REST API (<see cref="TwilioSmsSender"/>) or, by default, JSON files (<see cref="FileSmsSender"/>).</summary>
public interface ISmsSender
{
    /// <summary>Never throws for a provider's answer: it becomes a typed <see cref="SendResult"/>.</summary>
    Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default);

    /// <summary>True when delivery is confirmed later (Twilio's status callback); false when accepted means delivered.</summary>
    bool ReportsDeliveryLater { get; }
}
