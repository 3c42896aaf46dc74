namespace NotifyHub.Privacy.Access;

/// <summary>
/// How the privacy library raises events (such as BulkAccessSuspected). The host implements it
/// with its outbox; the library does not know about the bus.
/// </summary>
public interface IPrivacyEventPublisher
{
    Task PublishAsync<TMessage>(TMessage message, CancellationToken cancellationToken = default)
        where TMessage : class;
}
