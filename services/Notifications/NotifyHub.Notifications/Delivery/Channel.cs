namespace NotifyHub.Notifications.Delivery;

/// <summary>How a notification reaches a person. Stored and sent over the wire as lower-case codes (<see cref="ChannelCodes"/>).</summary>
public enum Channel
{
    Email = 1,
    Sms = 2,
    Letter = 3,
}
