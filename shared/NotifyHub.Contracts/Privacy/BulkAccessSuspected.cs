namespace NotifyHub.Contracts.Privacy;

/// <summary>
/// A user decrypted more records than the key service allows in one window and was blocked
/// (the NTT Docomo pattern). Carries ids and counts only: never personal data.
/// </summary>
public sealed record BulkAccessSuspected(
    Guid UserId,
    Guid VendorId,
    Guid IncidentId,
    int RecordCount,
    TimeSpan Window,
    DateTimeOffset DetectedAt);
