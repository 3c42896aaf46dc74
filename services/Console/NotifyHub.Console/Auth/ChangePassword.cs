using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Auth.Sessions;
using NotifyHub.Console.Staff;

namespace NotifyHub.Console.Auth;

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>
/// <c>POST /api/v1/auth/password</c>: how the bootstrap admin replaces its one-time password. Ends every session of
/// the user, this one included: whoever knew the old password may hold one of them. The user signs in again.
/// </summary>
internal static class ChangePassword
{
    public static async Task<Results<NoContent, UnauthorizedHttpResult>> HandleAsync(ChangePasswordRequest request,
        ClaimsPrincipal principal, UserManager<StaffUser> users, IStaffSessions sessions)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        IdentityFailures.ThrowIfFailed(
            await users.ChangePasswordAsync(user, request.CurrentPassword ?? "", request.NewPassword ?? ""));
        await sessions.RevokeAllAsync(user.Id, SessionRevocationReasons.PasswordChanged);
        return TypedResults.NoContent();
    }
}
