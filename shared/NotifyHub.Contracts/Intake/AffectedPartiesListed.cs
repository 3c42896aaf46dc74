namespace NotifyHub.Contracts.Intake;

/// <summary>
/// One committed batch's people for a downstream holder (notifications): each changed person once, with the purposes
/// they can be reached for (<c>email</c>, <c>sms</c>, <c>mail-house</c>) and what picks their template (language and
/// data category codes). No projection travels with it: the holder asks intake for those it needs when it sends
/// (<see cref="SealProjections"/>). Replaces <see cref="AffectedPartiesProjectedV2"/>, which carried every projection
/// of every imported person whether or not a campaign would ever use it.
/// </summary>
public sealed record AffectedPartiesListed(
    Guid IncidentId,
    Guid ImportId,
    Guid HolderId,
    IReadOnlyList<ListedParty> Parties);

/// <summary>
/// One person of a batch. <see cref="Purposes"/> is every purpose they have after this import: a purpose the holder
/// knew before and missing now was removed by the import (an email or phone number deleted from the file).
/// </summary>
public sealed record ListedParty(
    Guid PersonId,
    string Language,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<string> Purposes);
