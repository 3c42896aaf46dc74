using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using Npgsql;
using NpgsqlTypes;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// PostgreSQL: the outbox rows queued in the change tracker written by binary COPY on <paramref name="connection"/>
/// (inside the caller's transaction), then detached, instead of one INSERT each through <c>SaveChanges</c>: an import
/// batch writes one per person, a letter batch two per letter.
/// </summary>
public static class OutboxCopy
{
    public static async Task InsertAddedAsync(DbContext db, NpgsqlConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(connection);
        var entries = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var names = StoreNames.Of<OutboxMessage>(db);
        var columns = string.Join(", ", new[]
        {
            nameof(OutboxMessage.MessageId), nameof(OutboxMessage.MessageType), nameof(OutboxMessage.Body), nameof(OutboxMessage.TraceParent),
            nameof(OutboxMessage.CreatedAt), nameof(OutboxMessage.Attempts),
        }.Select(names.Column));
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {names.Table} ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var message in entries.Select(e => e.Entity))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(message.MessageId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(message.MessageType, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(message.Body, NpgsqlDbType.Text, ct);
                if (message.TraceParent is { } trace)
                {
                    await copy.WriteAsync(trace, NpgsqlDbType.Varchar, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }

                await copy.WriteAsync(message.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(message.Attempts, NpgsqlDbType.Integer, ct);
            }

            await copy.CompleteAsync(ct);
        }

        foreach (var entry in entries)
        {
            entry.State = EntityState.Detached;
        }
    }
}
