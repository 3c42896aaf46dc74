using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.Notifications;

/// <summary>What the status page shows under "what we sent you": ids, channel, status and time only. In batches, one transaction each.</summary>
public sealed class NotificationSentConsumer(PortalDbContext db) : IdempotentBatchConsumer<NotificationSent, PortalDbContext>(db)
{
    protected override Task HandleAsync(IReadOnlyList<NotificationSent> messages, ConsumeContext<Batch<NotificationSent>> context) =>
        NotificationLog.RecordAsync(Db, messages.Select(m => new NotificationEvent(m.NotificationId, m.IncidentId, m.PersonId, m.Channel,
            "sent", m.SentAt)).ToList(), context.CancellationToken);
}
