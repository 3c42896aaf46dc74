namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Internal to notifications: send these notifications, up to <c>DeliveryBatchSize</c> of them. Any worker may take
/// the message (competing consumers); each notification's own state decides what happens to it. Many to a message,
/// because at a million people one message each costs the outbox, the broker and the consumer more than the sends.
/// </summary>
public sealed record DeliverNotifications(IReadOnlyList<Guid> NotificationIds)
{
    public static IEnumerable<DeliverNotifications> For(IEnumerable<Guid> notificationIds, int perMessage) =>
        notificationIds.Chunk(perMessage).Select(ids => new DeliverNotifications(ids));
}
