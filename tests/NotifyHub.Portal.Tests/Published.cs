using MassTransit;
using System.Collections.Concurrent;

namespace NotifyHub.Portal.Tests;

/// <summary>Every message the host publishes from the moment it is connected, to show what the portal announced.</summary>
public sealed class Published : IPublishObserver
{
    private readonly ConcurrentQueue<object> _messages = new();

    public IReadOnlyList<T> Of<T>() => [.. _messages.OfType<T>()];

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        _messages.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
