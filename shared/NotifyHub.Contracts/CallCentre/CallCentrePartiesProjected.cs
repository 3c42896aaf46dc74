namespace NotifyHub.Contracts.CallCentre;

/// <summary>
/// One page of call-centre projections for one assigned vendor, from intake. <paramref name="Total"/> is the number
/// of people intake will project for the assignment (set on the pages of the initial back-fill, null for people
/// imported later, as is <paramref name="AssignmentId"/>); <paramref name="Last"/> marks the back-fill's last page.
/// </summary>
public sealed record CallCentrePartiesProjected(
    Guid? AssignmentId,
    Guid IncidentId,
    Guid VendorId,
    int? Total,
    bool Last,
    IReadOnlyList<CallCentreParty> Parties);

/// <summary>
/// One person as the call centre holds them: the allow-listed fields as ciphertext under the vendor's key, and the
/// keyed HMAC blind indexes (under the incident's index key) that let an agent check what a caller says. Never a
/// value in clear text.
/// </summary>
public sealed record CallCentreParty(
    Guid PersonId,
    byte[] Projection,
    byte[] ReferenceCodeIndex,
    byte[]? PhoneIndex,
    byte[]? DateOfBirthIndex,
    byte[]? PostcodeIndex);
