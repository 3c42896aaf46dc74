using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Auth;

namespace NotifyHub.Console.Staff;

/// <summary>
/// Identity's id, name, email, security stamp and role claims, plus the vendor of an agent or supervisor,
/// so every module can scope a request to the caller's vendor from the token alone.
/// </summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.VendorId is { } vendorId)
        {
            identity.AddClaim(new Claim(NotifyHubClaims.VendorId, vendorId.ToString()));
        }

        return identity;
    }
}
