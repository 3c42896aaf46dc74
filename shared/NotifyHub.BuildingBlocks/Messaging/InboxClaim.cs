using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NotifyHub.BuildingBlocks.Database;
using Npgsql;
using NpgsqlTypes;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Records a batch's message ids in the inbox, inside the caller's transaction, and returns those not recorded before:
/// the ones to handle. On PostgreSQL one <c>INSERT ... ON CONFLICT DO NOTHING RETURNING</c>, which only ever probes
/// the unique index: a read of "which of these ids are there?" was planned as a full scan of the table whenever its
/// statistics dated from when it was nearly empty (docs/architecture.md, Inbox). On SQLite, that read, and the new
/// rows added to the change tracker for the caller's save.
/// </summary>
public static class InboxClaim
{
    public static async Task<HashSet<Guid>> FreshAsync(DbContext db, string consumer, IReadOnlyCollection<Guid> ids, DateTimeOffset now,
        CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            var seen = await db.Set<InboxMessage>().Where(m => m.Consumer == consumer && ids.Contains(m.MessageId))
                .Select(m => m.MessageId).ToListAsync(ct);
            var unseen = ids.Except(seen).ToHashSet();
            db.Set<InboxMessage>().AddRange(unseen.Select(id => new InboxMessage { MessageId = id, Consumer = consumer, ProcessedAt = now }));
            return unseen;
        }

        var names = StoreNames.Of<InboxMessage>(db);
        var messageId = names.Column(nameof(InboxMessage.MessageId));
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {names.Table} ({names.Column(nameof(InboxMessage.Consumer))}, {messageId}, {names.Column(nameof(InboxMessage.ProcessedAt))}) "
            + $"SELECT @consumer, id, @now FROM unnest(@ids) AS id ON CONFLICT DO NOTHING RETURNING {messageId}",
            connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<string>("consumer", NpgsqlDbType.Varchar) { TypedValue = consumer });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", NpgsqlDbType.TimestampTz) { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. ids] });
        var fresh = new HashSet<Guid>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            fresh.Add(reader.GetGuid(0));
        }

        return fresh;
    }
}
