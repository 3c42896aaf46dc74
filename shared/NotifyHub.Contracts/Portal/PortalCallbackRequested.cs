namespace NotifyHub.Contracts.Portal;

/// <summary>
/// A verified person asked on the portal to be called back at <paramref name="PreferredAt"/>; the call centre puts it
/// in the queue of the vendor assigned to the incident. <paramref name="Language"/> is a BCP 47 code (en, fr, ja).
/// </summary>
public sealed record PortalCallbackRequested(
    Guid RequestId,
    Guid IncidentId,
    Guid PersonId,
    DateTimeOffset PreferredAt,
    string Language,
    DateTimeOffset RequestedAt);
