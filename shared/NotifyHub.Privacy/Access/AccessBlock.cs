namespace NotifyHub.Privacy.Access;

/// <summary>
/// A user's block for suspected bulk access. One row per user (the key), reused when they are
/// blocked again, so two service instances detecting the same burst create one block and
/// raise one event. The history lives in the audit log.
/// </summary>
public sealed class AccessBlock
{
    public Guid UserId { get; init; }

    public Guid? VendorId { get; init; }

    /// <summary>The incident whose records were being read when the limit was reached.</summary>
    public Guid IncidentId { get; init; }

    public int RecordCount { get; init; }

    public DateTimeOffset BlockedAt { get; init; }

    public DateTimeOffset? UnblockedAt { get; init; }

    public Guid? UnblockedBy { get; init; }

    public bool IsActive => UnblockedAt is null;
}
