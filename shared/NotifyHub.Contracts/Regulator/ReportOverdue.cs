namespace NotifyHub.Contracts.Regulator;

/// <summary>An obligation's deadline passed and nothing was filed.</summary>
public sealed record ReportOverdue(Guid IncidentId, Guid ObligationId, string Jurisdiction, string Kind, DateTimeOffset DueAt);
