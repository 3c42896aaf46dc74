namespace NotifyHub.CallCentre.Verification;

/// <summary>What the caller told the agent. Either a reference code and one factor, or phone, date of birth and postcode.</summary>
public sealed record VerifyCaller(Guid? IncidentId, string? ReferenceCode, string? DateOfBirth, string? Postcode, string? Phone);
