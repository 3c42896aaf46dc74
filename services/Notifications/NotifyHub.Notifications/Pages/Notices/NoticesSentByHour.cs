using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using System.Globalization;

namespace NotifyHub.Notifications.Pages.Notices;

/// <summary>
/// An incident's notices sent per hour and channel over the last 24 hours, for the dashboard's chart over time: one
/// grouped scan. Written as SQL (names from the model) because an hour of a timestamp is not something LINQ
/// translates on both providers: PostgreSQL truncates the timestamp, SQLite (which stores it as ISO text in UTC) cuts
/// the text after the hour. Both give the hour as <c>yyyy-MM-dd HH</c> in UTC.
/// </summary>
public sealed class NoticesSentByHour(NotificationsDbContext db, TimeProvider clock)
{
    public const int Hours = 24;

    /// <summary>The start of each hour (oldest first) and, per channel, the notices sent in it.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset Hour, IReadOnlyDictionary<Channel, long> Sent)>> ReadAsync(Guid incidentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var thisHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var from = thisHour.AddHours(1 - Hours);
        var rows = await db.Database.SqlQueryRaw<HourCount>(Sql(db), incidentId, from).ToListAsync(ct);
        return [.. Enumerable.Range(0, Hours).Select(i =>
        {
            var hour = from.AddHours(i);
            var key = hour.ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture);
            IReadOnlyDictionary<Channel, long> sent = rows.Where(r => r.Hour == key)
                .ToDictionary(r => WireCode<Channel>.Parse(r.Channel), r => r.Count);
            return (hour, sent);
        })];
    }

    private static string Sql(NotificationsDbContext db)
    {
        var names = StoreNames.Of<Notification>(db);
        var (incident, channel, sentAt) = (names.Column(nameof(Notification.IncidentId)), names.Column(nameof(Notification.Channel)),
            names.Column(nameof(Notification.SentAt)));
        var hour = db.Database.IsNpgsql() ? $"to_char({sentAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')" : $"substr({sentAt}, 1, 13)";
        return $"SELECT {hour} AS \"Hour\", {channel} AS \"Channel\", count(*) AS \"Count\" FROM {names.Table} "
            + $"WHERE {incident} = {{0}} AND {sentAt} >= {{1}} GROUP BY {hour}, {channel}";
    }

    private sealed class HourCount
    {
        public string Hour { get; init; } = "";

        public string Channel { get; init; } = "";

        public long Count { get; init; }
    }
}
