using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.Notifications;

namespace NotifyHub.CallCentre.Notifications;

/// <summary>Keeps each notification's latest state (ids only): the case's history and the supervisor's call forecast. In batches, one transaction each.</summary>
public sealed class NotificationSentConsumer(CallCentreDbContext db) : IdempotentBatchConsumer<NotificationSent, CallCentreDbContext>(db)
{
    protected override Task HandleAsync(IReadOnlyList<NotificationSent> messages, ConsumeContext<Batch<NotificationSent>> context) =>
        NotificationHistory.RecordAsync(Db, messages.Select(m => new NotificationEvent(m.NotificationId, m.IncidentId, m.PersonId, m.Channel,
            "sent", m.SentAt)).ToList(), context.CancellationToken);
}
