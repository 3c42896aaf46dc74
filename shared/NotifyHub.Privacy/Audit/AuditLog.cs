using Microsoft.EntityFrameworkCore;
using NotifyHub.Privacy.Purposes;
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
            // A no-op update first: it takes the head row's lock, so a concurrent appender waits
            // here until this transaction ends, then reads the head this one wrote.
            await Heads.Where(h => h.Id == AuditHead.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), ct);
            var head = await Heads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, ct);

            var entries = new List<AuditEntry>(events.Count);
            var (sequence, hash) = (head.LastSequence, head.LastHash);
            foreach (var auditEvent in events)
            {
                var entry = NewEntry(auditEvent, sequence + 1, hash);
                entry.Hash = AuditHasher.Compute(entry, material.Chain);
                (sequence, hash) = (entry.Sequence, entry.Hash);
                entries.Add(entry);
            }

            db.AuditEntries.AddRange(entries);
            // No savepoint around the insert (EF adds one inside a caller's transaction): this transaction holds the
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
            }

            var moved = await Heads.Where(h => h.Id == AuditHead.SingletonId && h.LastSequence == head.LastSequence)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, hash), ct);
            return moved == 1 ? entries : throw new DbUpdateConcurrencyException("The audit head moved during an append; retry it.");
        }, cancellationToken);
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
