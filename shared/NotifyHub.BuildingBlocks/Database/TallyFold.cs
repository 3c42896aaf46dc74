using Microsoft.EntityFrameworkCore;

namespace NotifyHub.BuildingBlocks.Database;

/// <summary>
/// Folds an incident's rows of a tally table (rows of +n/−n that database triggers write as the counted rows change:
/// columns <c>IncidentId</c>, the <c>keys</c> and <c>Delta</c>) into one row per key, so that reading the counts sums
/// a few rows however long the counted table has been changing. On PostgreSQL one statement moves exactly the rows it
/// deletes (rows a concurrent transaction adds meanwhile stay for the next fold); on SQLite the first write takes the
/// database's only write lock, so nobody adds rows between the two statements.
/// </summary>
public static class TallyFold
{
    public static async Task FoldAsync<TTally>(DbContext db, Guid incidentId, string[] keys, CancellationToken ct)
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
