using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NotifyHub.Privacy.Purposes;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// Reads the audit table column by column with plain ADO.NET, not through EF's materialiser: a corrupted value (a
/// purpose code that is no longer one, a details column that is not JSON, a malformed id) must be reported as that
/// entry being unreadable, not abort the whole verification with an exception.
/// </summary>
internal static class AuditRowReader
{
    /// <summary>One row: the entry, or why it cannot be read (then <see cref="Row.Entry"/> is null).</summary>
    internal sealed record Row(long? Sequence, AuditEntry? Entry, string? Problem);

    private static readonly string[] Columns =
    [
        nameof(AuditEntry.Sequence), nameof(AuditEntry.Time), nameof(AuditEntry.ActorUserId), nameof(AuditEntry.ActorVendorId),
        nameof(AuditEntry.Action), nameof(AuditEntry.SubjectId), nameof(AuditEntry.Purpose), nameof(AuditEntry.Fields),
        nameof(AuditEntry.Outcome), nameof(AuditEntry.Details), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash),
    ];

    public static async IAsyncEnumerable<Row> ReadAsync(PrivacyDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = Columns.Select(c => sql.DelimitIdentifier(type.FindProperty(c)!.GetColumnName(table)!)).ToList();

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText =
                $"SELECT {string.Join(", ", names)} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} ORDER BY {names[0]}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return Read(reader, db.IsSqlite);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Row Read(DbDataReader reader, bool sqlite)
    {
        long? sequence = null;
        var column = Columns[0];
        try
        {
            sequence = reader.GetInt64(0);
            column = Columns[1];
            var time = sqlite ? new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero) : reader.GetFieldValue<DateTimeOffset>(1);
            column = Columns[2];
            var actor = NullableGuid(reader, 2);
            column = Columns[3];
            var vendor = NullableGuid(reader, 3);
            column = Columns[5];
            var subject = NullableGuid(reader, 5);
            column = Columns[6];
            var purpose = reader.IsDBNull(6) ? (Purpose?)null : ParsePurpose(reader.GetString(6));
            column = Columns[9];
            var details = reader.IsDBNull(9) ? null : reader.GetString(9);
            if (details is not null)
            {
                // Readers (the auditors' API) parse it as an object of codes: an entry they cannot show is unreadable.
                JsonSerializer.Deserialize<Dictionary<string, string>>(details);
            }

            column = Columns[10];
            var previous = reader.GetFieldValue<byte[]>(10);
            column = Columns[11];
            var hash = reader.GetFieldValue<byte[]>(11);
            column = Columns[4];
            var entry = new AuditEntry
            {
                Sequence = sequence.Value,
                Time = time,
                ActorUserId = actor,
                ActorVendorId = vendor,
                Action = reader.GetString(4),
                SubjectId = subject,
                Purpose = purpose,
                Fields = reader.IsDBNull(7) ? null : reader.GetString(7),
                Outcome = reader.GetString(8),
                Details = details,
                PreviousHash = previous,
                Hash = hash,
            };
            return new Row(sequence, entry, null);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or JsonException or InvalidOperationException or OverflowException)
        {
            return new Row(sequence, null, $"its {column} column holds a value that is not valid");
        }
    }

    private static Guid? NullableGuid(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<Guid>(ordinal);

    private static Purpose ParsePurpose(string value) =>
        !string.IsNullOrEmpty(value) && char.IsLetter(value[0]) && Enum.TryParse<Purpose>(value, out var purpose) && Enum.IsDefined(purpose)
            ? purpose
            : throw new FormatException("Not a purpose.");
}
