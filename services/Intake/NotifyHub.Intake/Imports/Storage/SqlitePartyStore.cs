using Microsoft.Data.Sqlite;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.BlindIndexes;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace NotifyHub.Intake.Imports.Storage;

/// <summary>
/// SQLite: prepared statements re-executed with new values, all inside the batch's one transaction (SQLite's
/// fast path: the cost is in the commit, not the statement). Guids are stored as EF Core stores them: upper-case text.
/// </summary>
internal sealed class SqlitePartyStore : IPartyStore
{
    private const int LookupChunk = 500;

    public async Task<long> LockIncidentAsync(DbConnection connection, DbTransaction transaction, Guid incidentId, CancellationToken ct)
    {
        // SQLite has one writer at a time already: only the count.
        await using var command = Command(connection, transaction, "SELECT coalesce(sum(Count), 0) FROM residence_counts WHERE IncidentId = $incident");
        command.Parameters.AddWithValue("$incident", Text(incidentId));
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task ReadIndexesAsync(DbConnection connection, DbTransaction transaction, Guid incidentId,
        Action<BlindIndex, BlindIndex> found, CancellationToken ct)
    {
        await using var command = Command(connection, transaction,
            "SELECT ExternalIdIndex, ReferenceCodeIndex FROM affected_parties WHERE IncidentId = $incident");
        command.Parameters.AddWithValue("$incident", Text(incidentId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found(BlindIndex.FromBytes((byte[])reader[0]), BlindIndex.FromBytes((byte[])reader[1]));
        }
    }

    public async Task<Dictionary<BlindIndex, StoredParty>> FindAsync(DbConnection connection, DbTransaction transaction, Guid incidentId,
        IReadOnlyCollection<BlindIndex> externalIdIndexes, CancellationToken ct)
    {
        var found = new Dictionary<BlindIndex, StoredParty>();
        foreach (var chunk in externalIdIndexes.Chunk(LookupChunk))
        {
            await using var command = Command(connection, transaction, "");
            var sql = new StringBuilder("SELECT ExternalIdIndex, Id, Record, Language, DataCategories FROM affected_parties WHERE IncidentId = $incident AND ExternalIdIndex IN (");
            command.Parameters.AddWithValue("$incident", Text(incidentId));
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"$k{i}");
                command.Parameters.AddWithValue($"$k{i}", chunk[i].ToArray());
            }

            command.CommandText = sql.Append(')').ToString();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found[BlindIndex.FromBytes((byte[])reader[0])] =
                    new StoredParty(Guid.Parse(reader.GetString(1)), (byte[])reader[2], reader.GetString(3), reader.GetString(4));
            }
        }

        return found;
    }

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PartyRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = Command(connection, transaction,
            """
            INSERT INTO affected_parties (Id, IncidentId, ExternalIdIndex, ReferenceCodeIndex, EmailIndex, PhoneIndex, DateOfBirthIndex,
                PostcodeIndex, Record, Language, DataCategories, CreatedByImport, UpdatedByImport)
            VALUES ($id, $incident, $external, $reference, $email, $phone, $dob, $postcode, $record, $language, $categories, $import, $import)
            """);
        var p = Parameters(command, "$id", "$incident", "$external", "$reference", "$email", "$phone", "$dob", "$postcode", "$record",
            "$language", "$categories", "$import");
        command.Prepare();
        foreach (var row in rows)
        {
            p[0].Value = Text(row.Id);
            p[1].Value = Text(row.IncidentId);
            p[2].Value = row.ExternalIdIndex.ToArray();
            p[3].Value = row.ReferenceCodeIndex.ToArray();
            SetIndexes(p, 4, row);
            p[8].Value = row.Record;
            p[9].Value = row.Language;
            p[10].Value = row.DataCategories;
            p[11].Value = Text(row.ImportId);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task UpdateAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PartyRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = Command(connection, transaction,
            """
            UPDATE affected_parties SET EmailIndex = $email, PhoneIndex = $phone, DateOfBirthIndex = $dob, PostcodeIndex = $postcode,
                Record = $record, Language = $language, DataCategories = $categories, UpdatedByImport = $import
            WHERE Id = $id
            """);
        var p = Parameters(command, "$id", "$email", "$phone", "$dob", "$postcode", "$record", "$language", "$categories", "$import");
        command.Prepare();
        foreach (var row in rows)
        {
            p[0].Value = Text(row.Id);
            SetIndexes(p, 1, row);
            p[5].Value = row.Record;
            p[6].Value = row.Language;
            p[7].Value = row.DataCategories;
            p[8].Value = Text(row.ImportId);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>EF's insert: a handful of rows per batch, each already one prepared statement.</summary>
    public async Task InsertOutboxAsync(IntakeDbContext db, CancellationToken ct) =>
        await db.SaveChangesAsync(ct);

    public async Task InsertIssuesAsync(DbConnection connection, DbTransaction transaction, Guid importId, IReadOnlyList<RowIssue> issues,
        CancellationToken ct)
    {
        if (issues.Count == 0)
        {
            return;
        }

        await using var command = Command(connection, transaction,
            "INSERT INTO import_issues (ImportId, Line, \"Column\", Code, Message) VALUES ($import, $line, $column, $code, $message)");
        var p = Parameters(command, "$import", "$line", "$column", "$code", "$message");
        command.Prepare();
        foreach (var issue in issues)
        {
            p[0].Value = Text(importId);
            p[1].Value = issue.Line;
            p[2].Value = PostgreSqlPartyStore.Truncate(issue.Column, 100);
            p[3].Value = issue.Code;
            p[4].Value = PostgreSqlPartyStore.Truncate(issue.Message, 300);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    internal static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static void SetIndexes(SqliteParameter[] p, int first, PartyRow row)
    {
        p[first].Value = (object?)row.EmailIndex?.ToArray() ?? DBNull.Value;
        p[first + 1].Value = (object?)row.PhoneIndex?.ToArray() ?? DBNull.Value;
        p[first + 2].Value = (object?)row.DateOfBirthIndex?.ToArray() ?? DBNull.Value;
        p[first + 3].Value = (object?)row.PostcodeIndex?.ToArray() ?? DBNull.Value;
    }

    private static SqliteCommand Command(DbConnection connection, DbTransaction transaction, string sql) =>
        new(sql, (SqliteConnection)connection, (SqliteTransaction)transaction);

    private static SqliteParameter[] Parameters(SqliteCommand command, params string[] names) =>
        [.. names.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value }))];
}
