using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Staff;
using System.Security.Claims;

namespace NotifyHub.Console.Auth;

/// <summary>The caller as their session describes them: roles and vendor are the session's (the token's own claims are replaced).</summary>
public sealed record MeView(Guid Id, string Email, IReadOnlyList<string> Roles, Guid? VendorId, bool TwoFactorEnabled);

internal static class Me
{
    public static async Task<Results<Ok<MeView>, UnauthorizedHttpResult>> HandleAsync(ClaimsPrincipal principal,
        UserManager<StaffUser> users)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var vendor = principal.FindFirstValue(NotifyHubClaims.VendorId);
        return TypedResults.Ok(new MeView(
            user.Id,
            user.Email ?? "",
            [.. principal.FindAll(users.Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal)],
            vendor is null ? null : Guid.Parse(vendor),
            user.TwoFactorEnabled));
    }
}
