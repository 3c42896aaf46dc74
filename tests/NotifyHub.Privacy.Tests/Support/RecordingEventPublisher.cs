using NotifyHub.Privacy.Access;
using System.Collections.Concurrent;

namespace NotifyHub.Privacy.Tests.Support;

/// <summary>Stands in for the host's outbox: keeps what was published.</summary>
internal sealed class RecordingEventPublisher : IPrivacyEventPublisher
{
    private readonly ConcurrentQueue<object> _published = new();

    public IReadOnlyList<object> Published => [.. _published];

    public Task PublishAsync<TMessage>(TMessage message, CancellationToken cancellationToken = default)
        where TMessage : class
    {
        _published.Enqueue(message);
        return Task.CompletedTask;
    }
}
