namespace NotifyHub.Privacy.Audit;

/// <summary>
/// The result of walking the chain. <see cref="HeadHash"/> is worth recording elsewhere (a
/// ticket, a regulator filing): a chain rewritten wholesale still verifies, but its head changes.
/// </summary>
public sealed record AuditVerification(
    bool IsValid,
    long EntriesChecked,
    long? BrokenAtSequence,
    AuditBreak? Break,
    string Message,
    string HeadHash)
{
    internal static AuditVerification Valid(long entries, byte[] headHash) =>
        new(true, entries, null, null, $"The audit chain is intact: {entries} entries.", Convert.ToHexStringLower(headHash));

    internal static AuditVerification Broken(long entries, long sequence, AuditBreak reason, string message, byte[] headHash) =>
        new(false, entries, sequence, reason, message, Convert.ToHexStringLower(headHash));
}
