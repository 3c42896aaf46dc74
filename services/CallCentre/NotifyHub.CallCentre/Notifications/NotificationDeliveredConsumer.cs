using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.Notifications;

namespace NotifyHub.CallCentre.Notifications;

public sealed class NotificationDeliveredConsumer(CallCentreDbContext db) : IdempotentConsumer<NotificationDelivered, CallCentreDbContext>(db)
{
    protected override Task HandleAsync(NotificationDelivered message, ConsumeContext<NotificationDelivered> context) =>
        NotificationHistory.RecordAsync(Db, message.NotificationId, message.IncidentId, message.PersonId, message.Channel,
            "delivered", message.DeliveredAt, context.CancellationToken);
}
