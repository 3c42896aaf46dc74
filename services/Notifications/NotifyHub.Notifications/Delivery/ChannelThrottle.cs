using Microsoft.Extensions.Options;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Paces sends per channel to the configured messages per second in this worker process: each send reserves the
/// next free slot (slots 1/rate apart) and waits for it on the injected clock. Several workers each keep their own
/// pace, so the deployment's rate is the per-worker rate times the number of workers.
/// </summary>
public sealed class ChannelThrottle(IOptions<NotificationsOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Channel, DateTimeOffset> _next = [];

    /// <summary>Takes the next slot for <paramref name="channel"/> and says how long to wait for it (zero: go now).</summary>
    public TimeSpan Reserve(Channel channel)
    {
        var rate = channel switch
        {
            Channel.Email => options.Value.Throttle.Email,
            Channel.Sms => options.Value.Throttle.Sms,
            _ => options.Value.Throttle.Letter,
        };
        if (rate <= 0)
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var slot = _next.TryGetValue(channel, out var next) && next > now ? next : now;
            _next[channel] = slot + TimeSpan.FromSeconds(1 / rate);
            return slot - now;
        }
    }

    public Task WaitAsync(Channel channel, CancellationToken cancellationToken)
    {
        var wait = Reserve(channel);
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, clock, cancellationToken);
    }
}
