using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tallies;
using System.Globalization;

namespace NotifyHub.Notifications.Pages.Notices;

/// <summary>
/// An incident's notices sent per hour and channel over the last 24 hours, for the dashboard's chart over time, from
/// the hourly tallies the database keeps as notifications are sent (<see cref="NoticeTallies"/>), not by scanning them.
/// </summary>
public sealed class NoticesSentByHour(NoticeTallies tallies, TimeProvider clock)
{
    public const int Hours = 24;

    /// <summary>The start of each hour (oldest first) and, per channel, the notices sent in it.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset Hour, IReadOnlyDictionary<Channel, long> Sent)>> ReadAsync(Guid incidentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var thisHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var from = thisHour.AddHours(1 - Hours);
        var rows = await tallies.SentAsync(incidentId, HourKey(from), ct);
        return [.. Enumerable.Range(0, Hours).Select(i =>
        {
            var hour = from.AddHours(i);
            IReadOnlyDictionary<Channel, long> sent = rows.Where(r => r.Hour == HourKey(hour))
                .ToDictionary(r => WireCode<Channel>.Parse(r.Channel), r => r.Count);
            return (hour, sent);
        })];
    }

    private static string HourKey(DateTimeOffset hour) => hour.ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture);
}
