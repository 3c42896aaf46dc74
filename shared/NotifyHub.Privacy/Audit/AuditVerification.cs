namespace NotifyHub.Privacy.Audit;

/// <summary>
/// The result of walking the chain and comparing it with the signed checkpoints. <see cref="Message"/> is one line
/// naming the first entry that cannot be read or does not match. <see cref="LastCheckpointSequence"/> is the newest
/// checkpoint the chain was compared with (null when none was written yet).
/// </summary>
public sealed record AuditVerification(
    bool IsValid,
    long EntriesChecked,
    long? BrokenAtSequence,
    AuditBreak? Break,
    string Message,
    string HeadHash)
{
    public long? LastCheckpointSequence { get; init; }

    internal static AuditVerification Valid(long entries, byte[] headHash, AuditCheckpoint? checkpoint) =>
        new(true, entries, null, null,
            checkpoint is null
                ? $"The audit chain is intact: {entries} entries (no checkpoint yet)."
                : $"The audit chain is intact: {entries} entries; it matches the checkpoint of {checkpoint.Time:yyyy-MM-dd HH:mm:ss}Z (entry {checkpoint.Sequence}).",
            Convert.ToHexStringLower(headHash))
        {
            LastCheckpointSequence = checkpoint?.Sequence,
        };

    internal static AuditVerification Broken(long entries, long? sequence, AuditBreak reason, string message, byte[] headHash) =>
        new(false, entries, sequence, reason, message.ReplaceLineEndings(" "), Convert.ToHexStringLower(headHash));
}
