using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.Notifications;

namespace NotifyHub.CallCentre.Notifications;

/// <summary>
/// A letter batch handed to the print house: each letter is recorded sent and delivered at the hand-over (a new row
/// takes the event's time as its time sent), as its two events (which letters no longer publish) recorded it. In
/// batches, one transaction each.
/// </summary>
public sealed class LettersHandedOverConsumer(CallCentreDbContext db) : IdempotentBatchConsumer<LettersHandedOver, CallCentreDbContext>(db)
{
    protected override Task HandleAsync(IReadOnlyList<LettersHandedOver> messages, ConsumeContext<Batch<LettersHandedOver>> context) =>
        NotificationHistory.RecordAsync(Db, [.. messages.SelectMany(m => m.Letters.Select(l => new NotificationEvent(l.NotificationId, m.IncidentId,
            l.PersonId, "letter", "delivered", m.HandedOverAt)))], context.CancellationToken);
}
