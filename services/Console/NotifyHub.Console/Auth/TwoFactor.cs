using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Staff;
using NotifyHub.Privacy.Audit;
using System.Security.Claims;

namespace NotifyHub.Console.Auth;

public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);

public sealed record TwoFactorCodeRequest(string Code);

public sealed record TwoFactorEnabled(IReadOnlyList<string> RecoveryCodes);

public sealed record TwoFactorDisableRequest(string Password, string Code);

/// <summary>
/// TOTP two-factor sign-in: set up a key, prove it with a code to enable it (<see cref="TwoFactorEnrolment"/>), or
/// disable it with the password and a current code (a stolen token alone cannot remove the second factor).
/// Enabling and disabling end every session and are audited.
/// </summary>
internal static class TwoFactor
{
    public static async Task<Results<Ok<TwoFactorSetup>, UnauthorizedHttpResult>> SetupAsync(ClaimsPrincipal principal,
        UserManager<StaffUser> users, TwoFactorEnrolment enrolment)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        // Replacing the key of an enabled authenticator would lock its owner out of their next sign-in.
        if (user.TwoFactorEnabled)
        {
            throw ProblemException.Conflict("two_factor_already_enabled", "Two-factor sign-in is already on: disable it first.");
        }

        return TypedResults.Ok(await enrolment.SetupAsync(user, keepKey: false));
    }

    public static async Task<Results<Ok<TwoFactorEnabled>, UnauthorizedHttpResult>> EnableAsync(TwoFactorCodeRequest request,
        ClaimsPrincipal principal, UserManager<StaffUser> users, TwoFactorEnrolment enrolment, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (!await enrolment.HasKeyAsync(user))
        {
            throw ProblemException.Conflict("two_factor_not_set_up", "Call /api/v1/auth/2fa/setup first.");
        }

        var codes = await enrolment.EnableAsync(user, request.Code, ct)
            ?? throw ProblemException.Invalid("invalid_two_factor_code", "The code does not match the authenticator key.");
        return TypedResults.Ok(new TwoFactorEnabled(codes));
    }

    public static async Task<IResult> DisableAsync(TwoFactorDisableRequest request, HttpContext http, ClaimsPrincipal principal,
        UserManager<StaffUser> users, SignInThrottle throttle, AccountAudit audit, IStaffSessions sessions)
    {
        var ct = http.RequestAborted;
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (!user.TwoFactorEnabled)
        {
            throw ProblemException.Conflict("two_factor_not_enabled", "Two-factor sign-in is not on.");
        }

        var address = SignInThrottle.AddressOf(http);
        if (await throttle.RetryAfterAsync(address, email: null, ct) is { } wait)
        {
            return SignInThrottle.TooManyAttempts(http, wait);
        }

        var proven = await users.CheckPasswordAsync(user, request.Password ?? "") &&
            !string.IsNullOrWhiteSpace(request.Code) &&
            await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactorCodes.Normalize(request.Code));
        if (!proven)
        {
            await throttle.RecordFailureAsync(address, email: null, ct);
            throw ProblemException.Invalid("invalid_credentials", "Disabling two-factor sign-in needs the current password and a current code.");
        }

        IdentityFailures.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false));

        // A new key, so an old enrolment cannot be switched back on without setting up again.
        IdentityFailures.ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await sessions.RevokeAllAsync(user.Id, "two_factor_disabled", ct);
        await audit.AppendAsync(AccountAuditActions.TwoFactorDisabled, AuditOutcomes.Done, user.Id.ToString(), user.Id, cancellationToken: ct);
        return TypedResults.NoContent();
    }
}
