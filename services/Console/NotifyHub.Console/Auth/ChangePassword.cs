using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Staff;
using System.Security.Claims;

namespace NotifyHub.Console.Auth;

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>
/// <c>POST /api/v1/auth/password</c>: how the bootstrap admin replaces its one-time password (a restricted token may
/// call it). Ends every session, so the caller signs in again with the new password (<see cref="PasswordChanger"/>).
/// </summary>
internal static class ChangePassword
{
    public static async Task<IResult> HandleAsync(ChangePasswordRequest request, HttpContext http, ClaimsPrincipal principal,
        UserManager<StaffUser> users, PasswordChanger changer)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var outcome = await changer.ChangeAsync(user, request.CurrentPassword, request.NewPassword,
            SignInThrottle.AddressOf(http), http.RequestAborted);
        return outcome.Result switch
        {
            PasswordChangeResult.Changed => TypedResults.NoContent(),
            PasswordChangeResult.Throttled => SignInThrottle.TooManyAttempts(http, outcome.RetryAfter!.Value),
            PasswordChangeResult.WrongCurrentPassword =>
                throw ProblemException.Invalid("invalid_current_password", "The current password is not correct."),
            PasswordChangeResult.Reused =>
                throw ProblemException.Invalid("password_reused", "The new password must differ from the current one."),
            _ => Rejected(outcome.Errors!),
        };
    }

    private static NoContent Rejected(IReadOnlyList<IdentityError> errors)
    {
        IdentityFailures.ThrowIfFailed(IdentityResult.Failed([.. errors]));
        return TypedResults.NoContent(); // not reached: the line above throws for any error

    }
}
