using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// One link of the append-only audit chain: who did what to which record, for what purpose,
/// with what outcome. <see cref="Hash"/> is SHA-256 over every other column and the previous
/// entry's hash, so an edited, removed or reordered entry breaks the chain. Holds ids, field
/// names and codes only: never personal data.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }

    public DateTimeOffset Time { get; init; }

    public Guid? ActorUserId { get; init; }

    public Guid? ActorVendorId { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; init; } = "";

    /// <summary>The record, vendor, incident or user acted upon.</summary>
    public Guid? SubjectId { get; init; }

    public Purpose? Purpose { get; init; }

    /// <summary>Comma-separated field codes (e.g. <c>given_name,language</c>).</summary>
    public string? Fields { get; init; }

    /// <summary>One of <see cref="AuditOutcomes"/>, optionally followed by <c>:reason</c>.</summary>
    public string Outcome { get; init; } = "";

    /// <summary>A JSON object of ids and codes.</summary>
    public string? Details { get; init; }

    public byte[] PreviousHash { get; init; } = [];

    public byte[] Hash { get; internal set; } = [];
}
