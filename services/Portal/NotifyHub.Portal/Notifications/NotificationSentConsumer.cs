using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.Notifications;

/// <summary>What the status page shows under "what we sent you": ids, channel, status and time only.</summary>
public sealed class NotificationSentConsumer(PortalDbContext db) : IdempotentConsumer<NotificationSent, PortalDbContext>(db)
{
    protected override Task HandleAsync(NotificationSent message, ConsumeContext<NotificationSent> context) =>
        NotificationLog.RecordAsync(Db, message.NotificationId, message.IncidentId, message.PersonId, message.Channel,
            "sent", message.SentAt, context.CancellationToken);
}
