using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Auth;
using System.Security.Claims;

namespace NotifyHub.Console.Staff;

/// <summary>
/// Identity's id, name, email, security stamp and role claims, plus the vendor of an agent or supervisor,
/// so every module can scope a request to the caller's vendor from the token alone, and the pending steps
/// (one-time password, second-factor enrolment) that restrict the token.
/// </summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    IOptions<AccountSecurityOptions> security)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.VendorId is { } vendorId)
        {
            identity.AddClaim(new Claim(NotifyHubClaims.VendorId, vendorId.ToString()));
        }

        // Re-evaluated on every sign-in and refresh, so the restriction lifts at the first sign-in after the step is done.
        var roleNames = identity.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        foreach (var step in PendingSteps.Of(user, roleNames, security.Value))
        {
            identity.AddClaim(new Claim(SessionRestrictions.ClaimType, step));
        }

        return identity;
    }
}
