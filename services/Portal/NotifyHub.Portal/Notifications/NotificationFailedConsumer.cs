using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.Notifications;

/// <summary>What the status page shows under "what we sent you": ids, channel, status and time only.</summary>
public sealed class NotificationFailedConsumer(PortalDbContext db) : IdempotentConsumer<NotificationFailed, PortalDbContext>(db)
{
    protected override Task HandleAsync(NotificationFailed message, ConsumeContext<NotificationFailed> context) =>
        NotificationLog.RecordAsync(Db, message.NotificationId, message.IncidentId, message.PersonId, message.Channel,
            "failed", message.FailedAt, context.CancellationToken);
}
