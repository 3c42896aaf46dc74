using Microsoft.EntityFrameworkCore;

namespace NotifyHub.CallCentre.Database;

/// <summary>
/// Saves a small change (an action, its audit row, perhaps an outbox message) as one round trip on PostgreSQL.
/// EF wraps a multi-statement <c>SaveChanges</c> in <c>BEGIN</c> … <c>COMMIT</c>, and the <c>COMMIT</c> is a second
/// round trip: under load most PostgreSQL backends were caught "idle in transaction" between the two, holding a
/// connection while the host got round to sending it (issue 13, README "Where the time goes").
/// <para>
/// Why this is still atomic: EF sends the statements of one save as one Npgsql batch (error barriers off), which
/// travels as one message sequence with a single <c>Sync</c>; PostgreSQL runs everything before a <c>Sync</c> in one
/// implicit transaction, so a failing statement rolls back the whole batch and the commit at the <c>Sync</c> is the
/// batch's only commit. That holds only while the change is one batch, so the explicit transaction is kept for
/// anything larger than <see cref="MaxEntries"/> tracked rows (far below EF's batch size), and on SQLite (no round
/// trips to save). The test <c>On_PostgreSql.A_failing_statement_in_one_batch_save_leaves_nothing</c> holds it.
/// </para>
/// </summary>
public static class OneBatchSave
{
    /// <summary>More tracked rows than this and the save is not assumed to be one batch.</summary>
    public const int MaxEntries = 16;

    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static async Task<int> SaveInOneBatchAsync(this DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var database = db.Database;
        if (database.ProviderName != Npgsql || database.CurrentTransaction is not null
            || db.ChangeTracker.Entries().Count(e => e.State is not (EntityState.Unchanged or EntityState.Detached)) > MaxEntries)
        {
            return await db.SaveChangesAsync(ct);
        }

        var before = database.AutoTransactionBehavior;
        database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            return await db.SaveChangesAsync(ct);
        }
        finally
        {
            database.AutoTransactionBehavior = before;
        }
    }
}
