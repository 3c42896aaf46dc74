namespace NotifyHub.Contracts.Intake;

/// <summary>
/// Per-purpose projections of one committed batch for a downstream holder (e.g. notifications' Email, Sms,
/// MailHouse purposes). Each projection is ciphertext under the holder's vendor key: only the allow-listed fields
/// of that purpose, readable through NotifyHub.Privacy, never clear text on the bus.
/// <para>
/// Retired: intake publishes <see cref="AffectedPartiesProjectedV2"/> instead, one message per batch. Notifications
/// still consumes this one, so that messages an older version left in an outbox or a queue are applied after an
/// upgrade; remove it once no deployment can hold one.
/// </para>
/// </summary>
public sealed record AffectedPartiesProjected(
    Guid IncidentId,
    Guid ImportId,
    string Purpose,
    Guid HolderId,
    IReadOnlyList<ProjectedParty> Parties);

/// <summary>
/// One person's projection. Language and categories pick the template; the rest stays encrypted.
/// <paramref name="Purposes"/> lists every purpose this person has a projection for in the same import (each comes in
/// its own message, in no set order), so a holder can choose between channels without waiting for the others.
/// </summary>
public sealed record ProjectedParty(
    Guid PersonId,
    byte[] Projection,
    string Language,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<string>? Purposes = null);
