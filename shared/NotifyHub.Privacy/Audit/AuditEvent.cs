using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Audit;

/// <summary>What to append to the audit log. <see cref="Details"/> must hold ids and codes, never personal data.</summary>
public sealed record AuditEvent(string Action, string Outcome)
{
    public Guid? ActorUserId { get; init; }

    public Guid? ActorVendorId { get; init; }

    public Guid? SubjectId { get; init; }

    public Purpose? Purpose { get; init; }

    public IReadOnlyCollection<PersonalField>? Fields { get; init; }

    public IReadOnlyDictionary<string, string>? Details { get; init; }
}
