namespace NotifyHub.Contracts.Intake;

/// <summary>A privacy officer recorded or corrected when the organisation became aware of, or determined, the breach.</summary>
public sealed record IncidentClocksChanged(Guid IncidentId, DateTimeOffset? AwareAt, DateTimeOffset? DeterminedAt, DateTimeOffset ChangedAt);
