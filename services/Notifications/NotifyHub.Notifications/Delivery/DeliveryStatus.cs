namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Where one notification stands: <c>queued → sent → delivered | failed</c>, or <c>suppressed</c> (opt-out or a
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
}
