using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;

namespace NotifyHub.Console.Staff;

/// <summary>
/// Which roles one account may hold together, checked on create and on every role change. Auditors check what
/// admins and privacy officers did, so nobody may be their own auditor; a vendor's staff hold only vendor roles.
/// </summary>
public static class StaffRoleRules
{
    public const string IncompatibleRoles = "incompatible_roles";

    public static void Ensure(IReadOnlyCollection<string> roles, Guid? vendorId)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Count == 0)
        {
            throw ProblemException.Invalid("roles_required", "An account needs at least one role.");
        }

        if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            throw ProblemException.Invalid("unknown_role", $"Unknown role '{unknown}'. Use one of: {string.Join(", ", Roles.All)}.");
        }

        if (roles.Contains(Roles.Auditor) && (roles.Contains(Roles.Admin) || roles.Contains(Roles.PrivacyOfficer)))
        {
            throw new ProblemException(ProblemKind.RuleBroken, IncompatibleRoles, "Incompatible roles",
                "Auditor cannot be held together with Admin or PrivacyOfficer: nobody audits their own actions.");
        }

        var vendorRoles = roles.Count(Roles.VendorScoped.Contains);
        if (vendorRoles > 0 && vendorRoles < roles.Count)
        {
            throw new ProblemException(ProblemKind.RuleBroken, IncompatibleRoles, "Incompatible roles",
                "Agents and supervisors cannot also hold Admin, PrivacyOfficer or Auditor.");
        }

        if (vendorRoles > 0 != vendorId.HasValue)
        {
            throw new ProblemException(ProblemKind.RuleBroken, "vendor_mismatch", "Roles do not fit the vendor",
                vendorId.HasValue ? "A vendor's staff can only be Agent or Supervisor." : "Agents and supervisors must belong to a vendor.");
        }
    }
}
