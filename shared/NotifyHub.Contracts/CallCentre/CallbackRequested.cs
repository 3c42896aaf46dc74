namespace NotifyHub.Contracts.CallCentre;

/// <summary>
/// An agent promised to call a person back. <paramref name="CallbackCodeHash"/> is the SHA-256 of the normalised
/// one-time callback code (upper case, no dashes), so the portal can tell the person a code is genuine without ever
/// holding the code.
/// </summary>
public sealed record CallbackRequested(
    Guid CallbackId,
    Guid CaseId,
    Guid IncidentId,
    Guid VendorId,
    DateTimeOffset DueAt,
    byte[] CallbackCodeHash);
