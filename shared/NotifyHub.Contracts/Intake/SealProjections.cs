namespace NotifyHub.Contracts.Intake;

/// <summary>
/// A request to intake (answered with <see cref="ProjectionsSealed"/>): seal these people's projections for these
/// purposes under the holder's current vendor key, from their records as stored now. Notifications asks for a batch
/// of notifications just before sending it, so a projection is made only when a campaign uses it and always from the
/// latest import.
/// </summary>
public sealed record SealProjections(
    Guid IncidentId,
    Guid HolderId,
    IReadOnlyList<WantedProjection> Wanted);

/// <summary>One person's projection for one purpose code (<c>email</c>, <c>sms</c>, <c>mail-house</c>).</summary>
public sealed record WantedProjection(Guid PersonId, string Purpose);

/// <summary>
/// Intake's answer to <see cref="SealProjections"/>: the projections it could make, each ciphertext under the holder's
/// vendor key. A wanted projection is missing when the person is gone (purged) or no longer has that channel.
/// </summary>
public sealed record ProjectionsSealed(
    Guid IncidentId,
    Guid HolderId,
    IReadOnlyList<SealedProjection> Projections);

/// <summary>One sealed projection: only the purpose's allow-listed fields, readable through NotifyHub.Privacy.</summary>
public sealed record SealedProjection(Guid PersonId, string Purpose, byte[] Projection);
