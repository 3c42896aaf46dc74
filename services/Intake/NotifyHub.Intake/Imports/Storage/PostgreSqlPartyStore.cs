using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.BlindIndexes;
using Npgsql;
using NpgsqlTypes;
using System.Data.Common;

namespace NotifyHub.Intake.Imports.Storage;

/// <summary>
/// PostgreSQL: new people and issues go in by binary COPY (the fastest way in); changed people by one UPDATE joined
/// to unnest()ed arrays; existing people are found by one query with an array of blind indexes.
/// </summary>
internal sealed class PostgreSqlPartyStore : IPartyStore
{
    private const string Parties = "intake.affected_parties";

    public async Task<long> LockIncidentAsync(DbConnection connection, DbTransaction transaction, Guid incidentId, CancellationToken ct)
    {
        // One round trip: the lock, then the count it protects.
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)")
                {
                    Parameters = { new NpgsqlParameter<long> { TypedValue = BitConverter.ToInt64(incidentId.ToByteArray()) } },
                },
                new NpgsqlBatchCommand("""SELECT coalesce(sum("Count"), 0)::bigint FROM intake.residence_counts WHERE "IncidentId" = $1""")
                {
                    Parameters = { new NpgsqlParameter<Guid> { TypedValue = incidentId } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0);
    }

    public async Task ReadIndexesAsync(DbConnection connection, DbTransaction transaction, Guid incidentId,
        Action<BlindIndex, BlindIndex> found, CancellationToken ct)
    {
        // Only the unique index's columns (the reference code's is included in it): an index-only scan once vacuumed.
        await using var command = new NpgsqlCommand(
            $"""SELECT "ExternalIdIndex", "ReferenceCodeIndex" FROM {Parties} WHERE "IncidentId" = $1""",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = incidentId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found(BlindIndex.FromBytes(reader.GetFieldValue<byte[]>(0)), BlindIndex.FromBytes(reader.GetFieldValue<byte[]>(1)));
        }
    }

    public async Task<Dictionary<BlindIndex, StoredParty>> FindAsync(DbConnection connection, DbTransaction transaction, Guid incidentId,
        IReadOnlyCollection<BlindIndex> externalIdIndexes, CancellationToken ct)
    {
        // One probe of the unique index a key, whatever the statistics say. Joined plainly, the planner costs the
        // incident's rows from statistics taken when it had none: it then scanned every row of the incident and
        // filtered by key (2.5 s a lookup at 800,000 people). In a LATERAL subquery with LIMIT the key is a parameter
        // of the scan, so both columns are always the index condition.
        await using var command = new NpgsqlCommand(
            $"""
            SELECT p."ExternalIdIndex", p."Id", p."Record", p."Language", p."DataCategories"
            FROM unnest($2::bytea[]) AS k(index) CROSS JOIN LATERAL (
                SELECT q."ExternalIdIndex", q."Id", q."Record", q."Language", q."DataCategories" FROM {Parties} q
                WHERE q."IncidentId" = $1 AND q."ExternalIdIndex" = k.index LIMIT 1) p
            """,
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = incidentId });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. externalIdIndexes.Select(i => i.ToArray())] });
        var found = new Dictionary<BlindIndex, StoredParty>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[BlindIndex.FromBytes(reader.GetFieldValue<byte[]>(0))] =
                new StoredParty(reader.GetGuid(1), reader.GetFieldValue<byte[]>(2), reader.GetString(3), reader.GetString(4));
        }

        return found;
    }

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PartyRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"""COPY {Parties} ("Id", "IncidentId", "ExternalIdIndex", "ReferenceCodeIndex", "EmailIndex", "PhoneIndex", "DateOfBirthIndex", "PostcodeIndex", "Record", "Language", "DataCategories", "CreatedByImport", "UpdatedByImport") FROM STDIN (FORMAT BINARY)""",
            ct);
        foreach (var row in rows)
        {
            copy.StartRow();
            copy.Write(row.Id, NpgsqlDbType.Uuid);
            copy.Write(row.IncidentId, NpgsqlDbType.Uuid);
            copy.Write(row.ExternalIdIndex.ToArray(), NpgsqlDbType.Bytea);
            copy.Write(row.ReferenceCodeIndex.ToArray(), NpgsqlDbType.Bytea);
            WriteNullable(copy, row.EmailIndex);
            WriteNullable(copy, row.PhoneIndex);
            WriteNullable(copy, row.DateOfBirthIndex);
            WriteNullable(copy, row.PostcodeIndex);
            copy.Write(row.Record, NpgsqlDbType.Bytea);
            copy.Write(row.Language, NpgsqlDbType.Varchar);
            copy.Write(row.DataCategories, NpgsqlDbType.Varchar);
            copy.Write(row.ImportId, NpgsqlDbType.Uuid);
            copy.Write(row.ImportId, NpgsqlDbType.Uuid);
        }

        await copy.CompleteAsync(ct);
    }

    public async Task UpdateAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PartyRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            $"""
            UPDATE {Parties} AS p SET "EmailIndex" = u.email, "PhoneIndex" = u.phone, "DateOfBirthIndex" = u.dob,
                "PostcodeIndex" = u.postcode, "Record" = u.record, "Language" = u.language, "DataCategories" = u.categories,
                "UpdatedByImport" = u.import
            FROM unnest($1::uuid[], $2::bytea[], $3::bytea[], $4::bytea[], $5::bytea[], $6::bytea[], $7::text[], $8::text[], $9::uuid[])
                AS u(id, email, phone, dob, postcode, record, language, categories, import)
            WHERE p."Id" = u.id
            """,
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. rows.Select(r => r.Id)] });
        command.Parameters.Add(Bytes(rows.Select(r => r.EmailIndex)));
        command.Parameters.Add(Bytes(rows.Select(r => r.PhoneIndex)));
        command.Parameters.Add(Bytes(rows.Select(r => r.DateOfBirthIndex)));
        command.Parameters.Add(Bytes(rows.Select(r => r.PostcodeIndex)));
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. rows.Select(r => r.Record)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.Language)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.DataCategories)] });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. rows.Select(r => r.ImportId)] });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Binary COPY instead of EF's INSERT: the projections make each batch's events about a megabyte, and EF's
    /// parameterised insert of them was the writer's largest phase. The rows then leave the change tracker (a
    /// retried batch publishes afresh); the transaction's commit wakes the dispatcher as usual.
    /// </summary>
    public Task InsertOutboxAsync(IntakeDbContext db, CancellationToken ct) =>
        AddedRowsCopy.InsertAsync<OutboxMessage>(db, ct);

    public async Task InsertIssuesAsync(DbConnection connection, DbTransaction transaction, Guid importId, IReadOnlyList<RowIssue> issues,
        CancellationToken ct)
    {
        if (issues.Count == 0)
        {
            return;
        }

        await using var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            """COPY intake.import_issues ("ImportId", "Line", "Column", "Code", "Message") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var issue in issues)
        {
            copy.StartRow();
            copy.Write(importId, NpgsqlDbType.Uuid);
            copy.Write(issue.Line, NpgsqlDbType.Bigint);
            copy.Write(Truncate(issue.Column, 100), NpgsqlDbType.Varchar);
            copy.Write(issue.Code, NpgsqlDbType.Varchar);
            copy.Write(Truncate(issue.Message, 300), NpgsqlDbType.Varchar);
        }

        await copy.CompleteAsync(ct);
    }

    internal static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private static NpgsqlParameter Bytes(IEnumerable<BlindIndex?> indexes) =>
        new() { Value = indexes.Select(i => i?.ToArray()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea };

    /// <summary>
    /// Synchronous on purpose, like every field write here: it only fills Npgsql's COPY buffer (flushed when full),
    /// and an await per field cost more than the copy itself in profiles.
    /// </summary>
    private static void WriteNullable(NpgsqlBinaryImporter copy, BlindIndex? index)
    {
        if (index is { } value)
        {
            copy.Write(value.ToArray(), NpgsqlDbType.Bytea);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
