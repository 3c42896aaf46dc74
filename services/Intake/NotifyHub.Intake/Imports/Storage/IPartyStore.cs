using NotifyHub.Intake.Database;
using NotifyHub.Privacy.BlindIndexes;
using System.Data.Common;

namespace NotifyHub.Intake.Imports.Storage;

/// <summary>A person row as written in bulk (all personal values already blind-indexed or encrypted).</summary>
internal sealed record PartyRow(
    Guid Id, Guid IncidentId, BlindIndex ExternalIdIndex, BlindIndex ReferenceCodeIndex, BlindIndex? EmailIndex,
    BlindIndex? PhoneIndex, BlindIndex? DateOfBirthIndex, BlindIndex? PostcodeIndex, byte[] Record, string Language,
    string DataCategories, Guid ImportId);

/// <summary>What an import needs to know about a person already in the incident.</summary>
internal sealed record StoredParty(Guid Id, byte[] Record, string Language, string DataCategories);

/// <summary>
/// Bulk reads and writes of an import batch, inside the transaction the caller opened on the module's connection:
/// binary COPY on PostgreSQL, prepared statements in one transaction on SQLite.
/// </summary>
internal interface IPartyStore
{
    /// <summary>
    /// Serialises imports into the same incident (two imports of one person must not both insert), and returns how
    /// many people it holds (the sum of its residence counts, which every insert moves in the same transaction).
    /// </summary>
    Task<long> LockIncidentAsync(DbConnection connection, DbTransaction transaction, Guid incidentId, CancellationToken ct);

    /// <summary>
    /// The external_id and reference-code blind indexes of everyone already in the incident, each pair handed to
    /// <paramref name="found"/>.
    /// </summary>
    Task ReadIndexesAsync(DbConnection connection, DbTransaction transaction, Guid incidentId, Action<BlindIndex, BlindIndex> found,
        CancellationToken ct);

    Task<Dictionary<BlindIndex, StoredParty>> FindAsync(DbConnection connection, DbTransaction transaction, Guid incidentId,
        IReadOnlyCollection<BlindIndex> externalIdIndexes, CancellationToken ct);

    Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PartyRow> rows, CancellationToken ct);

    Task UpdateAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<PartyRow> rows, CancellationToken ct);

    /// <summary>Writes the outbox rows the batch published (tracked by <paramref name="db"/>), in the same transaction.</summary>
    Task InsertOutboxAsync(IntakeDbContext db, CancellationToken ct);

    Task InsertIssuesAsync(DbConnection connection, DbTransaction transaction, Guid importId, IReadOnlyList<RowIssue> issues, CancellationToken ct);
}
