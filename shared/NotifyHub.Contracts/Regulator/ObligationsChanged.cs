namespace NotifyHub.Contracts.Regulator;

/// <summary>An incident's obligations were recomputed after a fact changed (counts, clocks, an assessment, a filing).</summary>
public sealed record ObligationsChanged(Guid IncidentId, int Due, int Overdue, int NeedsAssessment, int Filed, DateTimeOffset ChangedAt);
