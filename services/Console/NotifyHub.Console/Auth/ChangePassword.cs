using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NotifyHub.Console.Staff;

namespace NotifyHub.Console.Auth;

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>
/// <c>POST /api/v1/auth/password</c>: how the bootstrap admin replaces its one-time password. Renews the security
/// stamp, so refresh tokens issued before stop working.
/// </summary>
internal static class ChangePassword
{
    public static async Task<Results<NoContent, UnauthorizedHttpResult>> HandleAsync(ChangePasswordRequest request,
        ClaimsPrincipal principal, UserManager<StaffUser> users)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        IdentityFailures.ThrowIfFailed(
            await users.ChangePasswordAsync(user, request.CurrentPassword ?? "", request.NewPassword ?? ""));
        return TypedResults.NoContent();
    }
}
