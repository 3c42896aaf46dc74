using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Privacy.Access;

namespace NotifyHub.BuildingBlocks.PrivacyStore;

/// <summary>Raises the privacy library's events through the privacy store's outbox.</summary>
public sealed class OutboxPrivacyEventPublisher(PrivacyStoreDbContext db) : IPrivacyEventPublisher
{
    public async Task PublishAsync<TMessage>(TMessage message, CancellationToken cancellationToken = default)
        where TMessage : class
    {
        db.Publish(message);
        await db.SaveChangesAsync(cancellationToken);
    }
}
