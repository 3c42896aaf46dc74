using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Staff;
using NotifyHub.Privacy.Audit;
using System.Security.Claims;

namespace NotifyHub.Console.Auth;

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>
/// <c>POST /api/v1/auth/password</c>: how the bootstrap admin replaces its one-time password (a restricted token may
/// call it). Renews the security stamp and ends every session, so the caller signs in again with the new password.
/// A wrong current password counts towards the address's rate limit.
/// </summary>
internal static class ChangePassword
{
    public static async Task<IResult> HandleAsync(ChangePasswordRequest request, HttpContext http, ClaimsPrincipal principal,
        UserManager<StaffUser> users, SignInThrottle throttle, AccountAudit audit, IStaffSessions sessions)
    {
        var ct = http.RequestAborted;
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var address = SignInThrottle.AddressOf(http);
        if (await throttle.RetryAfterAsync(address, email: null, ct) is { } wait)
        {
            return SignInThrottle.TooManyAttempts(http, wait);
        }

        var current = request.CurrentPassword ?? "";
        var next = request.NewPassword ?? "";
        if (!await users.CheckPasswordAsync(user, current))
        {
            await throttle.RecordFailureAsync(address, email: null, ct);
            throw ProblemException.BadRequest("invalid_current_password", "The current password is not correct.");
        }

        if (string.Equals(current, next, StringComparison.Ordinal))
        {
            throw ProblemException.BadRequest("password_reused", "The new password must differ from the current one.");
        }

        IdentityFailures.ThrowIfFailed(await users.ChangePasswordAsync(user, current, next));
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            IdentityFailures.ThrowIfFailed(await users.UpdateAsync(user));
        }

        await sessions.RevokeAllAsync(user.Id, "password_changed", ct);
        await audit.AppendAsync(AccountAuditActions.PasswordChanged, AuditOutcomes.Done, user.Id.ToString(), user.Id, cancellationToken: ct);
        return TypedResults.NoContent();
    }
}
