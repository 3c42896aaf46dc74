using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Tallies;

/// <summary>
/// An incident's people and notice counts from the tallies the triggers write (<see cref="TallyTriggers"/>,
/// <see cref="PeopleTallyTriggers"/>): first its tally rows
/// are folded into one row per key, then the few rows left are summed. Folding keeps the rows to sum few, however
/// long a campaign has been sending.
/// </summary>
public sealed class NoticeTallies(NotificationsDbContext db)
{
    /// <summary>The people this module has at least one projection of.</summary>
    public async Task<long> PeopleAsync(Guid incidentId, CancellationToken ct)
    {
        await FoldAsync<PeopleTally>(incidentId, [], ct);
        return await db.Set<PeopleTally>().Where(t => t.IncidentId == incidentId).SumAsync(t => t.Delta, ct);
    }

    /// <summary>Notices per channel and status code, zero counts left out.</summary>
    public async Task<IReadOnlyList<(string Channel, string Status, long Count)>> CountsAsync(Guid incidentId, CancellationToken ct)
    {
        await FoldAsync<NoticeTally>(incidentId, [nameof(NoticeTally.Channel), nameof(NoticeTally.Status)], ct);
        var rows = await db.Set<NoticeTally>().AsNoTracking().Where(t => t.IncidentId == incidentId)
            .GroupBy(t => new { t.Channel, t.Status })
            .Select(g => new { g.Key.Channel, g.Key.Status, Count = g.Sum(t => t.Delta) })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Count != 0).Select(r => (r.Channel, r.Status, r.Count))];
    }

    /// <summary>Notices sent per channel code and hour (<c>yyyy-MM-dd HH</c>, UTC) from <paramref name="fromHour"/> on.</summary>
    public async Task<IReadOnlyList<(string Channel, string Hour, long Count)>> SentAsync(Guid incidentId, string fromHour, CancellationToken ct)
    {
        await FoldAsync<NoticeHourTally>(incidentId, [nameof(NoticeHourTally.Channel), nameof(NoticeHourTally.Hour)], ct);
        var rows = await db.Set<NoticeHourTally>().AsNoTracking().Where(t => t.IncidentId == incidentId && t.Hour.CompareTo(fromHour) >= 0)
            .GroupBy(t => new { t.Channel, t.Hour })
            .Select(g => new { g.Key.Channel, g.Key.Hour, Count = g.Sum(t => t.Delta) })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Count != 0).Select(r => (r.Channel, r.Hour, r.Count))];
    }

    /// <summary>
    /// Replaces an incident's tally rows by their sums, one row per value of the <paramref name="keys"/>. On PostgreSQL
    /// one statement moves exactly the rows it deletes (rows a concurrent transaction adds meanwhile stay for the next
    /// fold); on SQLite the first write takes the database's only write lock, so nobody adds rows between the two.
    /// </summary>
    private async Task FoldAsync<TTally>(Guid incidentId, string[] keys, CancellationToken ct)
        where TTally : class
    {
        var sql = new FoldSql(StoreNames.Of<TTally>(db), keys);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(sql.MoveInOneStatement, [incidentId], ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var folded = await db.Database.SqlQueryRaw<long>(sql.InsertSums, incidentId).ToListAsync(ct);
        await db.Database.ExecuteSqlRawAsync(sql.DeleteAllBut(folded), [incidentId], ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The fold's statements for one tally table, names from the model; the incident is parameter 0.</summary>
    private sealed class FoldSql(StoreNames n, string[] keys)
    {
        private readonly string incident = n.Column("IncidentId");
        private readonly string delta = n.Column("Delta");
        private readonly string columns = string.Join(", ", keys.Prepend("IncidentId").Select(n.Column));

        public string MoveInOneStatement =>
            $"WITH moved AS (DELETE FROM {n.Table} WHERE {incident} = {{0}} RETURNING {columns}, {delta}) "
            + $"INSERT INTO {n.Table} ({columns}, {delta}) SELECT {columns}, sum({delta}) FROM moved "
            + $"GROUP BY {columns} HAVING sum({delta}) <> 0";

        public string InsertSums =>
            $"INSERT INTO {n.Table} ({columns}, {delta}) SELECT {columns}, sum({delta}) FROM {n.Table} WHERE {incident} = {{0}} "
            + $"GROUP BY {columns} HAVING sum({delta}) <> 0 RETURNING {n.Column("Id")} AS \"Value\"";

        /// <summary>The ids are the database's own (just returned), never input.</summary>
        public string DeleteAllBut(List<long> keep) =>
            $"DELETE FROM {n.Table} WHERE {incident} = {{0}}"
            + (keep.Count == 0 ? "" : $" AND {n.Column("Id")} NOT IN ({string.Join(", ", keep)})");
    }
}
