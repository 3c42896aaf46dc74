using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.Notifications;

/// <summary>What the status page shows under "what we sent you": ids, channel, status and time only.</summary>
public sealed class NotificationDeliveredConsumer(PortalDbContext db) : IdempotentConsumer<NotificationDelivered, PortalDbContext>(db)
{
    protected override Task HandleAsync(NotificationDelivered message, ConsumeContext<NotificationDelivered> context) =>
        NotificationLog.RecordAsync(Db, message.NotificationId, message.IncidentId, message.PersonId, message.Channel,
            "delivered", message.DeliveredAt, context.CancellationToken);
}
