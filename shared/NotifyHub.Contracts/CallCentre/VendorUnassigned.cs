namespace NotifyHub.Contracts.CallCentre;

/// <summary>A vendor was taken off an incident; its projections of the incident's people were deleted.</summary>
public sealed record VendorUnassigned(Guid AssignmentId, Guid IncidentId, Guid VendorId, DateTimeOffset UnassignedAt);
