using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// The append-only, hash-chained audit log. Safe with concurrent appenders in several
/// processes: each append updates the single <see cref="AuditHead"/> row in the same
/// transaction as its insert, so appenders queue on that row (PostgreSQL's row lock) or on the
/// database write lock (SQLite).
/// </summary>
public sealed class AuditLog(PrivacyDbContext db, TimeProvider time)
{
    public const int MaxPageSize = 1000;

    private DbSet<AuditHead> Heads => db.Set<AuditHead>();

    /// <summary>Appends an entry. Inside the caller's transaction if one is open, so the action and its record commit together.</summary>
    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var details = auditEvent.Details is null ? null : JsonSerializer.Serialize(auditEvent.Details);
        var fields = auditEvent.Fields is null ? null : PersonalFieldCodes.JoinCodes(auditEvent.Fields);

        return await db.InTransactionAsync(async ct =>
        {
            // A no-op update first: it takes the head row's lock, so a concurrent appender waits
            // here until this transaction ends, then reads the head this one wrote.
            await Heads.Where(h => h.Id == AuditHead.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), ct);
            var head = await Heads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, ct);

            var entry = new AuditEntry
            {
                Sequence = head.LastSequence + 1,
                Time = time.Now(),
                ActorUserId = auditEvent.ActorUserId,
                ActorVendorId = auditEvent.ActorVendorId,
                Action = auditEvent.Action,
                SubjectId = auditEvent.SubjectId,
                Purpose = auditEvent.Purpose,
                Fields = fields,
                Outcome = auditEvent.Outcome,
                Details = details,
                PreviousHash = head.LastHash,
            };
            entry.Hash = AuditHasher.Compute(entry);

            db.AuditEntries.Add(entry);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            var moved = await Heads.Where(h => h.Id == AuditHead.SingletonId && h.LastSequence == head.LastSequence)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, entry.Sequence).SetProperty(h => h.LastHash, entry.Hash), ct);
            return moved == 1 ? entry : throw new DbUpdateConcurrencyException("The audit head moved during an append; retry it.");
        }, cancellationToken);
    }

    /// <summary>Walks the chain in sequence order and names the first broken entry and why.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var head = await Heads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
        var expected = 1L;
        var previousHash = new byte[AuditHasher.HashSize];
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var checkedSoFar = expected - 1;
            if (entry.Sequence != expected)
            {
                return AuditVerification.Broken(checkedSoFar, expected, AuditBreak.SequenceGap,
                    $"Audit entry {expected} is missing (the next entry is {entry.Sequence}): entries were deleted.", head.LastHash);
            }

            if (!CryptographicOperations.FixedTimeEquals(entry.PreviousHash, previousHash))
            {
                return AuditVerification.Broken(checkedSoFar, expected, AuditBreak.PreviousHashMismatch,
                    $"Audit entry {expected} does not follow entry {expected - 1}: an earlier entry was replaced.", head.LastHash);
            }

            if (!CryptographicOperations.FixedTimeEquals(AuditHasher.Compute(entry), entry.Hash))
            {
                return AuditVerification.Broken(checkedSoFar, expected, AuditBreak.HashMismatch,
                    $"Audit entry {expected} does not match its hash: it was edited.", head.LastHash);
            }

            previousHash = entry.Hash;
            expected++;
        }

        var last = expected - 1;
        if (head.LastSequence != last || !CryptographicOperations.FixedTimeEquals(head.LastHash, previousHash))
        {
            var at = head.LastSequence == last ? last : Math.Min(head.LastSequence, last) + 1;
            var message = head.LastSequence > last
                ? $"The audit head names entry {head.LastSequence} but the log ends at {last}: entries were deleted from the end."
                : $"The audit log ends at entry {last} but the head names entry {head.LastSequence}: entries were added or altered behind the head.";
            return AuditVerification.Broken(last, at, AuditBreak.HeadMismatch, message, head.LastHash);
        }

        return AuditVerification.Valid(last, head.LastHash);
    }

    /// <summary>For the auditors' API: entries with <paramref name="from"/> ≤ time &lt; <paramref name="to"/>, in sequence order.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxPageSize);
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.Time >= from && e.Time < to)
            .OrderBy(e => e.Sequence)
            .Skip(skip)
            .Take(take)
            .ToListAsync(cancellationToken);
    }
}
