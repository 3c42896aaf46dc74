using Microsoft.EntityFrameworkCore;
using NotifyHub.Portal.Database;
using Npgsql;
using NpgsqlTypes;
using System.Threading.Channels;

namespace NotifyHub.Portal.Sessions;

/// <summary>
/// Writes new sessions in group commits: a successful check waits until its session row is committed (the token must
/// work on any instance at once), but the rows of checks arriving together share one statement (one transaction on
/// SQLite). Under load that turns a commit per check into a commit per batch; alone, a check waits for exactly one
/// commit, as before.
/// A few writers run at once (one would stall every check whenever it waits for the CPU or the disk), and only while
/// rows are waiting, so nothing runs between bursts.
/// </summary>
public sealed class SessionWriter(PortalReadContexts reads)
{
    /// <summary>Rows per transaction: enough to absorb hundreds of concurrent checks, small enough for one round trip.</summary>
    private const int MaxBatch = 256;

    private const int MaxWriters = 4;

    private readonly Channel<Pending> _waiting = Channel.CreateUnbounded<Pending>();
    private int _writers;

    /// <summary>Completes once the session is committed; throws what the batch's commit threw.</summary>
    public Task WriteAsync(PortalSession session, CancellationToken ct)
    {
        var pending = new Pending(session, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _waiting.Writer.TryWrite(pending);
        StartWriter();
        // The row may still be committed after a cancellation: harmless, it opens nothing without its token.
        return pending.Committed.Task.WaitAsync(ct);
    }

    private void StartWriter()
    {
        if (TryJoin())
        {
            _ = Task.Run(WriteWhileWaitingAsync, CancellationToken.None);
        }
    }

    private bool TryJoin()
    {
        if (Interlocked.Increment(ref _writers) <= MaxWriters)
        {
            return true;
        }

        Interlocked.Decrement(ref _writers);
        return false;
    }

    private async Task WriteWhileWaitingAsync()
    {
        while (true)
        {
            var batch = new List<Pending>();
            while (batch.Count < MaxBatch && _waiting.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                continue;
            }

            Interlocked.Decrement(ref _writers);
            // A row queued after the last read, while every writer was busy, would wait for the next check: take it now.
            if (!_waiting.Reader.TryPeek(out _) || !TryJoin())
            {
                return;
            }
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            // A pooled context (no per-batch scope or options). On PostgreSQL the rows go in as one INSERT of arrays:
            // a single statement commits by itself, and it bypasses SaveChanges, whose outbox hook woke the portal's
            // outbox dispatcher for a poll (a transaction of its own) after every batch though a session publishes nothing.
            await using var db = reads.Rent();
            if (db.Database.IsNpgsql())
            {
                await InsertAsync(db, batch);
            }
            else
            {
                db.Sessions.AddRange(batch.Select(p => p.Session));
                await db.SaveChangesAsync(CancellationToken.None);
            }

            batch.ForEach(p => p.Committed.TrySetResult());
        }
        catch (Exception e)
        {
            // Every check waiting on this batch learns the outcome.
            batch.ForEach(p => p.Committed.TrySetException(e));
        }
    }

    private static Task<int> InsertAsync(PortalDbContext db, List<Pending> batch)
    {
        // Times as UTC ticks, as the model stores every portal timestamp (Support/Timestamps.cs).
        NpgsqlParameter Array<T>(string name, NpgsqlDbType type, Func<PortalSession, T> value) =>
            new(name, NpgsqlDbType.Array | type) { Value = batch.Select(p => value(p.Session)).ToArray() };
        return db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO portal.sessions ("TokenHash", "PersonId", "IncidentId", "CreatedAt", "ExpiresAt")
            SELECT * FROM unnest(@hashes, @people, @incidents, @created, @expires)
            """,
            [
                Array("hashes", NpgsqlDbType.Bytea, s => s.TokenHash),
                Array("people", NpgsqlDbType.Uuid, s => s.PersonId),
                Array("incidents", NpgsqlDbType.Uuid, s => s.IncidentId),
                Array("created", NpgsqlDbType.Bigint, s => s.CreatedAt.UtcTicks),
                Array("expires", NpgsqlDbType.Bigint, s => s.ExpiresAt.UtcTicks),
            ],
            CancellationToken.None);
    }

    private sealed record Pending(PortalSession Session, TaskCompletionSource Committed);
}
