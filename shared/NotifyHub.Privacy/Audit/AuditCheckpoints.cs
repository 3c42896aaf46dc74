using Microsoft.EntityFrameworkCore;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// Writes the chain's head, signed, to the <see cref="IAuditCheckpointSink"/>: periodically (a hosted service) and
/// after every successful verification. Never writes a head that goes backwards: a head behind the newest
/// checkpoint means entries were cut from the end, and anchoring it would bless the deletion.
/// </summary>
public sealed class AuditCheckpoints(PrivacyDbContext db, AuditKeys keys, IAuditCheckpointSink sink, TimeProvider time)
{
    /// <summary>Anchors the current head; returns the newest checkpoint (null while the log is empty).</summary>
    /// <exception cref="AuditTamperedException">The head is behind, or differs from, the newest checkpoint.</exception>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken cancellationToken = default)
    {
        using var material = await keys.GetAsync(cancellationToken);
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
        if (head.LastSequence == 0)
        {
            return null;
        }

        var latest = (await sink.ReadAsync(cancellationToken))
            .Select(line => AuditCheckpoint.TryParse(line, material.Checkpoint))
            .OfType<AuditCheckpoint>()
            .MaxBy(c => c.Sequence);
        var hash = Convert.ToHexStringLower(head.LastHash);
        if (latest is not null && (head.LastSequence < latest.Sequence || (head.LastSequence == latest.Sequence && hash != latest.Hash)))
        {
            throw new AuditTamperedException(
                $"The audit head (entry {head.LastSequence}) is behind or differs from the checkpoint of {latest.Time:yyyy-MM-dd HH:mm:ss}Z (entry {latest.Sequence}); run `notifyhub audit verify`.");
        }

        if (latest is not null && head.LastSequence == latest.Sequence)
        {
            return latest;
        }

        var checkpoint = new AuditCheckpoint(head.LastSequence, hash, time.GetUtcNow());
        await sink.AppendAsync(checkpoint.ToLine(material.Checkpoint), cancellationToken);
        return checkpoint;
    }
}
