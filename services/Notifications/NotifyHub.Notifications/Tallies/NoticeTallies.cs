using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Tallies;

/// <summary>
/// An incident's notice counts from the tallies the triggers write (<see cref="TallyTriggers"/>): first its tally rows
/// are folded into one row per key, then the few rows left are summed. Folding keeps the rows to sum few, however
/// long a campaign has been sending.
/// </summary>
public sealed class NoticeTallies(NotificationsDbContext db)
{
    /// <summary>Notices per channel and status code, zero counts left out.</summary>
    public async Task<IReadOnlyList<(string Channel, string Status, long Count)>> CountsAsync(Guid incidentId, CancellationToken ct)
    {
        await FoldAsync<NoticeTally>(incidentId, nameof(NoticeTally.Status), ct);
        var rows = await db.Set<NoticeTally>().AsNoTracking().Where(t => t.IncidentId == incidentId)
            .GroupBy(t => new { t.Channel, t.Status })
            .Select(g => new { g.Key.Channel, g.Key.Status, Count = g.Sum(t => t.Delta) })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Count != 0).Select(r => (r.Channel, r.Status, r.Count))];
    }

    /// <summary>Notices sent per channel code and hour (UTC ticks of its start) from <paramref name="fromHour"/> on.</summary>
    public async Task<IReadOnlyList<(string Channel, long Hour, long Count)>> SentAsync(Guid incidentId, long fromHour, CancellationToken ct)
    {
        await FoldAsync<NoticeHourTally>(incidentId, nameof(NoticeHourTally.Hour), ct);
        var rows = await db.Set<NoticeHourTally>().AsNoTracking().Where(t => t.IncidentId == incidentId && t.Hour >= fromHour)
            .GroupBy(t => new { t.Channel, t.Hour })
            .Select(g => new { g.Key.Channel, g.Key.Hour, Count = g.Sum(t => t.Delta) })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Count != 0).Select(r => (r.Channel, r.Hour, r.Count))];
    }

    /// <summary>
    /// Replaces an incident's tally rows by their sums, one row per channel and <paramref name="key"/>. On PostgreSQL
    /// one statement moves exactly the rows it deletes (rows a concurrent transaction adds meanwhile stay for the next
    /// fold); on SQLite the first write takes the database's only write lock, so nobody adds rows between the two.
    /// </summary>
    private async Task FoldAsync<TTally>(Guid incidentId, string key, CancellationToken ct)
        where TTally : class
    {
        var n = StoreNames.Of<TTally>(db);
        var (incident, channel, keyColumn, delta) = (n.Column("IncidentId"), n.Column("Channel"), n.Column(key), n.Column("Delta"));
        var columns = $"{incident}, {channel}, {keyColumn}";
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(
                $"WITH moved AS (DELETE FROM {n.Table} WHERE {incident} = {{0}} RETURNING {columns}, {delta}) "
                + $"INSERT INTO {n.Table} ({columns}, {delta}) SELECT {columns}, sum({delta}) FROM moved "
                + $"GROUP BY {columns} HAVING sum({delta}) <> 0", [incidentId], ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var folded = await db.Database.SqlQueryRaw<long>(
            $"INSERT INTO {n.Table} ({columns}, {delta}) SELECT {columns}, sum({delta}) FROM {n.Table} WHERE {incident} = {{0}} "
            + $"GROUP BY {columns} HAVING sum({delta}) <> 0 RETURNING {n.Column("Id")} AS \"Value\"", incidentId).ToListAsync(ct);
        var keep = folded.Count == 0 ? "" : $" AND {n.Column("Id")} NOT IN ({string.Join(", ", folded)})";
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {n.Table} WHERE {incident} = {{0}}{keep}", [incidentId], ct);
        await transaction.CommitAsync(ct);
    }
}
