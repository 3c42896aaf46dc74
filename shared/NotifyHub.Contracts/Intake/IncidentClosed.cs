namespace NotifyHub.Contracts.Intake;

/// <summary>A privacy officer closed an incident; its data is shredded after <see cref="RetainUntil"/>.</summary>
public sealed record IncidentClosed(Guid IncidentId, DateTimeOffset ClosedAt, DateTimeOffset RetainUntil);
