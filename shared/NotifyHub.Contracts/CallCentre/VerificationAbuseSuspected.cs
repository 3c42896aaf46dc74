namespace NotifyHub.Contracts.CallCentre;

/// <summary>
/// An agent failed more caller verifications in one window than allowed (guessing codes or dates of birth) and was
/// blocked, exactly like a bulk reader. Ids and counts only.
/// </summary>
public sealed record VerificationAbuseSuspected(Guid AgentId, Guid VendorId, int FailedCount, TimeSpan Window, DateTimeOffset DetectedAt);
