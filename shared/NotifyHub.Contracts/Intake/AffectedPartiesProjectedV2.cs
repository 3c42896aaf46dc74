namespace NotifyHub.Contracts.Intake;

/// <summary>
/// One committed batch's projections for a downstream holder (notifications): each changed person once, with a
/// projection per purpose they can be reached for (<c>email</c>, <c>sms</c>, <c>mail-house</c>). Each projection is
/// ciphertext under the holder's vendor key: only the allow-listed fields of that purpose, readable through
/// NotifyHub.Privacy, never clear text on the bus. Replaces <see cref="AffectedPartiesProjected"/>, which sent a
/// message per purpose and repeated each person's id, language and categories in each.
/// </summary>
public sealed record AffectedPartiesProjectedV2(
    Guid IncidentId,
    Guid ImportId,
    Guid HolderId,
    IReadOnlyList<PartyProjections> Parties);

/// <summary>
/// One person's projections, keyed by purpose code. Language and categories pick the template; the rest stays
/// encrypted. The keys are every purpose the person has after this import: a purpose the holder stored before and
/// missing now was removed by the import (an email or phone number deleted from the file).
/// </summary>
public sealed record PartyProjections(
    Guid PersonId,
    string Language,
    IReadOnlyList<string> DataCategories,
    IReadOnlyDictionary<string, byte[]> Projections);
