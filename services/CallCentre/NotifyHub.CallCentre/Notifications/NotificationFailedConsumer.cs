using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.Notifications;

namespace NotifyHub.CallCentre.Notifications;

public sealed class NotificationFailedConsumer(CallCentreDbContext db) : IdempotentConsumer<NotificationFailed, CallCentreDbContext>(db)
{
    protected override Task HandleAsync(NotificationFailed message, ConsumeContext<NotificationFailed> context) =>
        NotificationHistory.RecordAsync(Db, message.NotificationId, message.IncidentId, message.PersonId, message.Channel,
            "failed", message.FailedAt, context.CancellationToken);
}
