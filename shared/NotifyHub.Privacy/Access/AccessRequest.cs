using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Access;

/// <summary>A vendor user's request to read one projection: who asks, for which record, under which purpose.</summary>
public sealed record AccessRequest(
    Guid UserId,
    IReadOnlyCollection<string> Roles,
    Guid? VendorId,
    Guid IncidentId,
    Guid RecordId,
    Purpose Purpose,
    EncryptedField Projection);
