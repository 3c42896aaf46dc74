namespace NotifyHub.Contracts.CallCentre;

/// <summary>
/// A privacy officer assigned a call-centre vendor to an incident. Intake answers with
/// <see cref="CallCentrePartiesProjected"/> pages for every affected person, then for everyone imported later.
/// </summary>
public sealed record VendorAssigned(Guid AssignmentId, Guid IncidentId, Guid VendorId, DateTimeOffset AssignedAt);
