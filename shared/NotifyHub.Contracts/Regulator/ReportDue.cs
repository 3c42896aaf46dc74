namespace NotifyHub.Contracts.Regulator;

/// <summary>An unfiled obligation falls due within the reminder lead time (24 hours by default).</summary>
public sealed record ReportDue(Guid IncidentId, Guid ObligationId, string Jurisdiction, string Kind, DateTimeOffset DueAt);
