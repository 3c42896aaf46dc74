namespace NotifyHub.Contracts.CallCentre;

/// <summary>An agent escalated a case to the controller's privacy officers. The reason stays in the call centre, encrypted.</summary>
public sealed record CaseEscalated(Guid EscalationId, Guid CaseId, Guid IncidentId, Guid VendorId, Guid AgentId, DateTimeOffset EscalatedAt);
