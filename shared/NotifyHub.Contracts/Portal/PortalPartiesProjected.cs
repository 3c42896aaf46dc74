namespace NotifyHub.Contracts.Portal;

/// <summary>
/// The portal's view of one committed import batch, from intake: per person the blind indexes a visitor's answers
/// are compared with (keyed HMACs under the incident's index key) and the portal projection (language and data
/// categories as ciphertext under the portal's holder key). Never a value in clear text.
/// </summary>
public sealed record PortalPartiesProjected(Guid IncidentId, Guid ImportId, IReadOnlyList<PortalParty> Parties);

/// <summary>One person as the portal holds them: indexes to compare and a projection only the portal's key opens.</summary>
public sealed record PortalParty(
    Guid PersonId,
    byte[] Projection,
    byte[] ReferenceCodeIndex,
    byte[]? DateOfBirthIndex,
    byte[]? PostcodeIndex);
