using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Paces sends per channel to the configured messages per second across every worker: a provider's rate limit is
/// the account's, not one process's. Each send reserves the next free slot (slots 1/rate apart) with one atomic
/// upsert of the channel's <see cref="ChannelPace"/> row, so no two workers ever hold the same slot, then waits for
/// it on the injected clock. An idle spell gives no burst credit: a slot is never earlier than now.
/// </summary>
public sealed class ChannelThrottle(NotificationsDbContext db, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    /// <summary>Takes the next slot for <paramref name="channel"/> and says how long to wait for it (zero: go now).</summary>
    public async Task<TimeSpan> ReserveAsync(Channel channel, CancellationToken cancellationToken)
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

        var now = clock.GetUtcNow();
        var interval = TimeSpan.FromSeconds(1 / rate).Ticks;
        var slot = await db.Database.SqlQueryRaw<long>(ReserveSql(), channel.ToCode(), now.UtcTicks, interval)
            .ToListAsync(cancellationToken);
        return new DateTimeOffset(slot.Single(), TimeSpan.Zero) - now;
    }

    public async Task WaitAsync(Channel channel, CancellationToken cancellationToken)
    {
        var wait = await ReserveAsync(channel, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    /// <summary>The slot is the later of the stored next slot and now; the stored one moves one interval past it.</summary>
    private string ReserveSql()
    {
        var names = StoreNames.Of<ChannelPace>(db);
        var (table, channel, next) = (names.Table, names.Column(nameof(ChannelPace.Channel)), names.Column(nameof(ChannelPace.NextSlotTicks)));
        return $$"""
            INSERT INTO {{table}} AS pace ({{channel}}, {{next}}) VALUES ({0}, {1} + {2})
            ON CONFLICT ({{channel}}) DO UPDATE SET {{next}} = CASE WHEN pace.{{next}} > {1} THEN pace.{{next}} ELSE {1} END + {2}
            RETURNING {{next}} - {2} AS "Value"
            """;
    }
}
