using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth;

namespace NotifyHub.Console.Staff;

/// <summary>
/// Agents and supervisors must belong to a vendor. Identity runs this on every create and update, including
/// <c>AddToRolesAsync</c>, so the rule holds whichever path (API, CLI, tests) gives a user a role.
/// </summary>
public sealed class StaffUserValidator : IUserValidator<StaffUser>
{
    public const string VendorRequired = nameof(VendorRequired);

    public async Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user)
    {
        if (user.VendorId is not null)
        {
            return IdentityResult.Success;
        }

        foreach (var role in Roles.VendorScoped)
        {
            // IsInRoleAsync sees role links added but not yet saved, which is the moment that matters.
            if (await manager.IsInRoleAsync(user, role))
            {
                return IdentityResult.Failed(new IdentityError
                {
                    Code = VendorRequired,
                    Description = "Agents and supervisors must belong to a vendor.",
                });
            }
        }

        return IdentityResult.Success;
    }
}
