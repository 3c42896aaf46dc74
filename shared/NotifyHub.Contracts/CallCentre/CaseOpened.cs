namespace NotifyHub.Contracts.CallCentre;

/// <summary>A verified caller's case was opened. Ids only.</summary>
public sealed record CaseOpened(Guid CaseId, Guid IncidentId, Guid VendorId, Guid AgentId, DateTimeOffset OpenedAt);
