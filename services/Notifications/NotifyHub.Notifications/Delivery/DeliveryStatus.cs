namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Where one notification stands: <c>queued → sending → sent → delivered | failed</c> (<c>sending</c> records the
/// intent, with its fixed Message-ID, before the provider is called), or <c>suppressed</c> (opt-out or a
/// known-bad address) and <c>cancelled</c> (its campaign was cancelled) before it was sent. Stored as lower-case codes.
/// </summary>
public enum DeliveryStatus
{
    Queued = 1,
    Sent = 2,
    Delivered = 3,
    Failed = 4,
    Suppressed = 5,
    Cancelled = 6,
    Sending = 7,
}
