namespace NotifyHub.Contracts.Regulator;

/// <summary>A privacy officer recorded that a report or notice was filed; the reference is the authority's case number.</summary>
public sealed record ReportFiled(Guid IncidentId, Guid ObligationId, string Jurisdiction, string Kind, DateTimeOffset FiledAt);
