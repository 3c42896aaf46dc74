using MassTransit;
using System.Collections.Concurrent;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Tells the outbox when the in-memory bus has handled what it was handed. That bus keeps a message only in this
/// process's memory until a consumer has handled it: an outbox row deleted as soon as the bus took its message would
/// be lost with the process if it died (or stopped) first. So on the in-memory bus the dispatcher keeps the rows it
/// published and deletes them only once every receive endpoint has been idle for <see cref="Quiet"/> since: nothing
/// received in that time and nothing being handled means each message handed over before it has been handled (or had
/// no consumer). A process that dies sooner publishes the rows again at its next start, and the consumers' inboxes
/// absorb the repeats.
/// </summary>
public sealed class InMemoryHandOff(TimeProvider clock) : IReceiveObserver
{
    /// <summary>
    /// How long every endpoint must have been idle. The in-memory bus hands a published message to a free endpoint
    /// within milliseconds; a busy one (at its concurrent-message limit) is not idle.
    /// </summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    /// <summary>Messages received and not yet handled, by their receive context (a fault and a post-receive both end one).</summary>
    private readonly ConcurrentDictionary<ReceiveContext, byte> _receiving = new();

    private long _lastActivity = clock.GetUtcNow().UtcTicks;

    /// <summary>
    /// The latest time before which everything handed to the bus has been handled, or null while any endpoint is busy
    /// or was busy too recently to say.
    /// </summary>
    public DateTimeOffset? HandledBefore()
    {
        var now = clock.GetUtcNow();
        var idleSince = new DateTimeOffset(Interlocked.Read(ref _lastActivity), TimeSpan.Zero);
        return _receiving.IsEmpty && now - idleSince >= Quiet ? now - Quiet : null;
    }

    public Task PreReceive(ReceiveContext context)
    {
        _receiving.TryAdd(context, 0);
        Touch();
        return Task.CompletedTask;
    }

    public Task PostReceive(ReceiveContext context) => End(context);

    public Task ReceiveFault(ReceiveContext context, Exception exception) => End(context);

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    private Task End(ReceiveContext context)
    {
        Touch();
        _receiving.TryRemove(context, out _);
        return Task.CompletedTask;
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, clock.GetUtcNow().UtcTicks);
}
