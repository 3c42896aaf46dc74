using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// Walks the chain in sequence order and compares it with its head row and with every signed checkpoint; stops at
/// the first entry that cannot be read or does not match, and says why in one line.
/// </summary>
internal static class AuditChainVerifier
{
    public static async Task<AuditVerification> VerifyAsync(
        PrivacyDbContext db, AuditKeys.Material keys, IReadOnlyList<string> checkpointLines, string checkpointStore,
        CancellationToken cancellationToken)
    {
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);

        var anchors = new Dictionary<long, AuditCheckpoint>();
        AuditCheckpoint? latest = null;
        for (var i = 0; i < checkpointLines.Count; i++)
        {
            var checkpoint = AuditCheckpoint.TryParse(checkpointLines[i], keys.Checkpoint);
            if (checkpoint is null)
            {
                return AuditVerification.Broken(0, null, AuditBreak.CheckpointInvalid,
                    $"Audit checkpoint {i + 1} in {checkpointStore} was tampered with: it is not a checkpoint signed with the audit key.", head.LastHash);
            }

            anchors.TryAdd(checkpoint.Sequence, checkpoint);
            latest = latest is null || checkpoint.Sequence >= latest.Sequence ? checkpoint : latest;
        }

        var expected = 1L;
        var previousHash = new byte[AuditHasher.HashSize];
        byte[]? hashAtHead = head.LastSequence == 0 ? previousHash : null;
        await foreach (var row in AuditRowReader.ReadAsync(db, cancellationToken))
        {
            var checkedSoFar = expected - 1;
            if (row.Entry is not { } entry)
            {
                return AuditVerification.Broken(checkedSoFar, row.Sequence ?? expected, AuditBreak.Unreadable,
                    $"Audit entry {row.Sequence ?? expected} cannot be read: {row.Problem}.", head.LastHash);
            }

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

            if (!CryptographicOperations.FixedTimeEquals(AuditHasher.Compute(entry, keys.Chain), entry.Hash))
            {
                return AuditVerification.Broken(checkedSoFar, expected, AuditBreak.HashMismatch,
                    $"Audit entry {expected} does not match its seal: it was edited (or resealed without the audit key).", head.LastHash);
            }

            if (anchors.TryGetValue(expected, out var anchor) && anchor.Hash != Convert.ToHexStringLower(entry.Hash))
            {
                return AuditVerification.Broken(checkedSoFar, expected, AuditBreak.CheckpointMismatch,
                    $"Audit entry {expected} differs from the checkpoint of {anchor.Time:yyyy-MM-dd HH:mm:ss}Z: the chain was rewritten after it.", head.LastHash);
            }

            if (entry.Sequence == head.LastSequence)
            {
                hashAtHead = entry.Hash;
            }

            previousHash = entry.Hash;
            expected++;
        }

        var last = expected - 1;
        if (latest is not null && last < latest.Sequence)
        {
            return AuditVerification.Broken(last, last + 1, AuditBreak.CheckpointMismatch,
                $"Audit entry {last + 1} is missing: the checkpoint of {latest.Time:yyyy-MM-dd HH:mm:ss}Z names entry {latest.Sequence} but the log ends at {last}: entries were deleted from the end.",
                head.LastHash);
        }

        if (last > head.LastSequence && hashAtHead is not null && CryptographicOperations.FixedTimeEquals(hashAtHead, head.LastHash))
        {
            // Appends that committed while the walk ran: each moves the head in the same transaction as its insert,
            // so the head read now covers every one of them, unless rows were added behind its back.
            head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
            if (head.LastSequence > last)
            {
                return AuditVerification.Valid(last, previousHash, latest);
            }
        }

        if (head.LastSequence != last || !CryptographicOperations.FixedTimeEquals(head.LastHash, previousHash))
        {
            var at = head.LastSequence == last ? last : Math.Min(head.LastSequence, last) + 1;
            var message = head.LastSequence > last
                ? $"Audit entry {last + 1} is missing: the audit head names entry {head.LastSequence} but the log ends at {last}: entries were deleted from the end."
                : $"Audit entry {at} is not the one the head names (the log ends at {last}, the head names entry {head.LastSequence}): entries were added or altered behind the head.";
            return AuditVerification.Broken(last, at, AuditBreak.HeadMismatch, message, head.LastHash);
        }

        return AuditVerification.Valid(last, head.LastHash, latest);
    }
}
