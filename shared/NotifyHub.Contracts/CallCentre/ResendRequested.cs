namespace NotifyHub.Contracts.CallCentre;

/// <summary>A caller asked for their notification again on <paramref name="Channel"/> (<c>email</c>, <c>sms</c> or <c>letter</c>).</summary>
public sealed record ResendRequested(Guid CaseId, Guid IncidentId, Guid PersonId, string Channel, Guid RequestedBy, DateTimeOffset RequestedAt);
