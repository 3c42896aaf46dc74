using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.Notifications;

/// <summary>
/// A letter batch handed to the print house: each letter is shown as delivered at the hand-over, as its sent and
/// delivered events (which letters no longer publish) showed it. In batches, one transaction each.
/// </summary>
public sealed class LettersHandedOverConsumer(PortalDbContext db) : IdempotentBatchConsumer<LettersHandedOver, PortalDbContext>(db)
{
    protected override Task HandleAsync(IReadOnlyList<LettersHandedOver> messages, ConsumeContext<Batch<LettersHandedOver>> context) =>
        NotificationLog.RecordAsync(Db, [.. messages.SelectMany(m => m.Letters.Select(l => new NotificationEvent(l.NotificationId, m.IncidentId,
            l.PersonId, "letter", "delivered", m.HandedOverAt)))], context.CancellationToken);
}
