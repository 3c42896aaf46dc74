using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NotifyHub.Privacy.Purposes;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// The append-only audit log: each entry sealed with HMAC-SHA256 under a key the database holds only wrapped by the
/// root key (<see cref="AuditKeys"/>), chained to the one before, its head anchored outside the database by signed
/// checkpoints (<see cref="AuditCheckpoints"/>). Safe with concurrent appenders in several processes: each append
/// updates the single <see cref="AuditHead"/> row in the same transaction as its insert, so appenders queue on that
/// row (PostgreSQL's row lock) or on the database write lock (SQLite).
/// </summary>
public sealed class AuditLog(
    PrivacyDbContext db, TimeProvider time, AuditKeys keys, AuditCheckpoints checkpoints, IAuditCheckpointSink sink, AuditGroupCommit groupCommit)
{
    public const int MaxPageSize = 1000;

    /// <summary>The head's lock-and-read statement (<see cref="LockHeadAsync"/>), built once per EF model, not at every append.</summary>
    private static readonly ConditionalWeakTable<IModel, string> LockHeadSql = new();

    private DbSet<AuditHead> Heads => db.Set<AuditHead>();

    /// <summary>
    /// Appends an entry and returns once it has committed. Inside the caller's transaction if one is open, so the
    /// action and its record commit together; otherwise together with the other appends of the moment
    /// (<see cref="AuditGroupCommit"/>). A CLI verb's entries also name its operator (<see cref="AuditOperator"/>).
    /// </summary>
    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        auditEvent = AuditOperator.Attribute(auditEvent);
        return db.Database.CurrentTransaction is null
            ? await groupCommit.AppendAsync(auditEvent, cancellationToken)
            : await AppendHereAsync(auditEvent, cancellationToken);
    }

    /// <summary>
    /// Appends <paramref name="events"/> in order, in one transaction (inside the caller's if one is open): the head
    /// is locked and read once, the entries chained in memory, inserted together, and the head moved once. The events
    /// are taken as given: attributed to their operator already (<see cref="AuditOperator"/>), as the group commit and
    /// the modules' audit outboxes do when the action happens.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> AppendBatchAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var material = await keys.GetAsync(cancellationToken);
        return await db.InTransactionAsync<IReadOnlyList<AuditEntry>>(async ct =>
        {
            var head = await LockHeadAsync(ct);
            var entries = new List<AuditEntry>(events.Count);
            var (sequence, hash) = (head.LastSequence, head.LastHash);
            foreach (var auditEvent in events)
            {
                var entry = NewEntry(auditEvent, sequence + 1, hash);
                entry.Hash = AuditHasher.Compute(entry, material.Chain);
                (sequence, hash) = (entry.Sequence, entry.Hash);
                entries.Add(entry);
            }

            // The entries and the moved head go in one batch (one round trip with the head row locked, where they
            // were two). The head needs no "still where I read it" check: this transaction has held its lock since
            // LockHeadAsync, so no other appender can have moved it; EF still checks that one row was updated.
            db.AuditEntries.AddRange(entries);
            var moved = new AuditHead { Id = AuditHead.SingletonId, LastSequence = sequence, LastHash = hash };
            Heads.Update(moved);
            // No savepoint around the save (EF adds one inside a caller's transaction): this transaction holds the
            // head row that every other appender waits for, and a failed insert fails the whole append anyway.
            var savepoints = db.Database.AutoSavepointsEnabled;
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = savepoints;
                entries.ForEach(entry => db.Entry(entry).State = EntityState.Detached);
                db.Entry(moved).State = EntityState.Detached;
            }

            return entries;
        }, cancellationToken);
    }

    /// <summary>
    /// Takes the head row's lock and reads it in one statement: a no-op update locks the row (a concurrent appender
    /// waits there until this transaction ends, then reads the head this one wrote) and <c>RETURNING</c> hands back
    /// what it holds. One round trip where a separate update and select took two, both with the lock held.
    /// </summary>
    private async Task<HeadRow> LockHeadAsync(CancellationToken cancellationToken)
    {
        var sql = LockHeadSql.GetValue(db.Model, _ => BuildLockHeadSql(db));
        var rows = await db.Database.SqlQueryRaw<HeadRow>(sql, AuditHead.SingletonId).ToListAsync(cancellationToken);
        return rows.Count == 1 ? rows[0] : throw new InvalidOperationException("The audit head row is missing.");
    }

    private static string BuildLockHeadSql(PrivacyDbContext db)
    {
        var type = db.Model.FindEntityType(typeof(AuditHead))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var quote = db.GetService<ISqlGenerationHelper>();
        var (id, sequence, hash) = (Column(nameof(AuditHead.Id)), Column(nameof(AuditHead.LastSequence)), Column(nameof(AuditHead.LastHash)));
        // Names from the model, never from input; the id is a parameter. PostgreSQL and SQLite both take RETURNING.
        return $"UPDATE {quote.DelimitIdentifier(table.Name, table.Schema)} SET {sequence} = {sequence} WHERE {id} = {{0}} " +
            $"RETURNING {sequence} AS {quote.DelimitIdentifier(nameof(HeadRow.LastSequence))}, {hash} AS {quote.DelimitIdentifier(nameof(HeadRow.LastHash))}";

        string Column(string property) => quote.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(table)!);
    }

    /// <summary>The head as <see cref="LockHeadAsync"/> reads it.</summary>
    private sealed class HeadRow
    {
        public long LastSequence { get; set; }

        public byte[] LastHash { get; set; } = [];
    }

    private async Task<AuditEntry> AppendHereAsync(AuditEvent auditEvent, CancellationToken cancellationToken) =>
        (await AppendBatchAsync([auditEvent], cancellationToken))[0];

    private AuditEntry NewEntry(AuditEvent auditEvent, long sequence, byte[] previousHash) => new()
    {
        Sequence = sequence,
        Time = time.Now(),
        ActorUserId = auditEvent.ActorUserId,
        ActorVendorId = auditEvent.ActorVendorId,
        Action = auditEvent.Action,
        SubjectId = auditEvent.SubjectId,
        Purpose = auditEvent.Purpose,
        Fields = auditEvent.Fields is null ? null : PersonalFieldCodes.JoinCodes(auditEvent.Fields),
        Outcome = auditEvent.Outcome,
        Details = auditEvent.Details is null ? null : JsonSerializer.Serialize(auditEvent.Details),
        PreviousHash = previousHash,
    };

    /// <summary>
    /// Walks the chain end to end and compares it with every signed checkpoint; names the first entry that cannot be
    /// read or does not match, in one line. When the chain is intact, anchors its head with a new checkpoint.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        using var material = await keys.GetAsync(cancellationToken);
        AuditVerification result;
        try
        {
            var lines = await sink.ReadAsync(cancellationToken);
            result = await AuditChainVerifier.VerifyAsync(db, material, lines, sink.Description, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The log or its checkpoints cannot be read at all: still one line, never a stack trace.
            return AuditVerification.Broken(0, null, AuditBreak.Unreadable,
                $"The audit log cannot be read: {e.GetType().Name}: {e.Message}", new byte[AuditHasher.HashSize]);
        }

        if (result.IsValid && await checkpoints.WriteAsync(cancellationToken) is { } anchored)
        {
            result = result with { LastCheckpointSequence = anchored.Sequence };
        }

        return result;
    }

    /// <summary>Creates the audit key if this store has none yet; the host runs it at start, before any request.</summary>
    public Task PrepareAsync(CancellationToken cancellationToken = default) => keys.EnsureAsync(cancellationToken);

    /// <summary>
    /// For the auditors' API and page: entries with <paramref name="from"/> ≤ time &lt; <paramref name="to"/>, in
    /// sequence order; only those of <paramref name="actorUserId"/> when given, and only actions equal to
    /// <paramref name="action"/> or, when it ends with a dot, starting with it (<c>callcentre.</c>).
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, int skip, int take, Guid? actorUserId = null, string? action = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxPageSize);
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Time >= from && e.Time < to);
        if (actorUserId is { } actor)
        {
            entries = entries.Where(e => e.ActorUserId == actor);
        }

        if (!string.IsNullOrEmpty(action))
        {
            entries = action.EndsWith('.') ? entries.Where(e => e.Action.StartsWith(action)) : entries.Where(e => e.Action == action);
        }

        return await entries.OrderBy(e => e.Sequence).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>The actions the log holds, for a filter's suggestions.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
}
