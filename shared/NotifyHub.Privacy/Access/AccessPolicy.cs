using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Access;

/// <summary>The checks the key service makes before anything touches a key: role and vendor.</summary>
internal static class AccessPolicy
{
    private static readonly string[] VendorStaff = [PrivacyRoles.Agent, PrivacyRoles.Supervisor];

    /// <summary>
    /// Only a vendor's own staff read its projections. The portal and the regulator have no
    /// person-level projections, so nobody reads one through the key service for them.
    /// </summary>
    public static IReadOnlyCollection<string> RolesFor(Purpose purpose) => purpose switch
    {
        Purpose.CallCentre or Purpose.MailHouse or Purpose.Email or Purpose.Sms => VendorStaff,
        _ => [],
    };

    public static AccessDenialReason? Check(AccessRequest request)
    {
        var roles = RolesFor(request.Purpose);
        if (!request.Roles.Any(r => roles.Contains(r, StringComparer.Ordinal)))
        {
            return AccessDenialReason.Role;
        }

        var key = request.Projection.KeyId;
        if (request.VendorId is not { } vendorId || key is not { Kind: KeyKind.Vendor } id || id.OwnerId != vendorId)
        {
            return AccessDenialReason.WrongVendor;
        }

        return null;
    }

    public static string Explain(AccessDenialReason reason, AccessRequest request) => reason switch
    {
        AccessDenialReason.Role => $"User {request.UserId} has no role that may read {request.Purpose} projections.",
        AccessDenialReason.WrongVendor => $"Record {request.RecordId}'s projection is not encrypted for the vendor of user {request.UserId}.",
        AccessDenialReason.NotAssigned => $"Vendor {request.VendorId} is not assigned to incident {request.IncidentId} for {request.Purpose}.",
        _ => "Access denied.",
    };

    public static string Code(AccessDenialReason reason) => reason switch
    {
        AccessDenialReason.Role => "role",
        AccessDenialReason.WrongVendor => "wrong_vendor",
        AccessDenialReason.NotAssigned => "not_assigned",
        _ => "other",
    };
}
