using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.Notifications;

namespace NotifyHub.CallCentre.Notifications;

/// <summary>Keeps each notification's latest state (ids only): the case's history and the supervisor's call forecast.</summary>
public sealed class NotificationSentConsumer(CallCentreDbContext db) : IdempotentConsumer<NotificationSent, CallCentreDbContext>(db)
{
    protected override Task HandleAsync(NotificationSent message, ConsumeContext<NotificationSent> context) =>
        NotificationHistory.RecordAsync(Db, message.NotificationId, message.IncidentId, message.PersonId, message.Channel,
            "sent", message.SentAt, context.CancellationToken);
}
