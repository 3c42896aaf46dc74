using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Auth.Sessions;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Staff;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Console.Auth;

public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

/// <summary>
/// <c>POST /api/v1/auth/login</c>, the way Identity's <c>MapIdentityApi</c> signs in, through the session scheme (which
/// opens a server-side session and writes <c>{tokenType, accessToken, expiresIn, refreshToken}</c>, to which this adds
/// <c>mustChangePassword</c> and <c>mustEnrolTwoFactor</c>), minus its public registration endpoints, plus problem
/// codes clients can branch on, rate limits per address and per account, and an audit entry for every outcome.
/// A locked or disabled account answers exactly like a wrong password, so the answer never confirms an account.
/// </summary>
internal static class Login
{
    private static string? _decoyHash;

    public static async Task<IResult> HandleAsync(LoginRequest request, HttpContext http,
        SignInManager<StaffUser> signIn, SignInThrottle throttle, AccountAudit audit, IOptions<AccountSecurityOptions> security)
    {
        var ct = http.RequestAborted;
        var address = SignInThrottle.AddressOf(http);
        var email = request.Email?.Trim();
        if (await throttle.RetryAfterAsync(address, email, ct) is { } wait)
        {
            return SignInThrottle.TooManyAttempts(http, wait);
        }

        var users = signIn.UserManager;
        var password = request.Password ?? "";
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Hash anyway, so the response time does not tell an unknown email from a wrong password.
            _decoyHash ??= users.PasswordHasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), _decoyHash, password);
            await throttle.RecordFailureAsync(address, email, ct);
            await audit.AppendAsync(AccountAuditActions.SignIn, AuditOutcomes.Denied, "", null,
                new Dictionary<string, string> { ["reason"] = "unknown_account" }, ct);
            return LoginProblems.InvalidCredentials();
        }

        // The session scheme writes the token response; it is captured so the pending steps can be added to it.
        await using var capture = new TokenResponseCapture(http);
        var wasLocked = await users.IsLockedOutAsync(user);
        signIn.AuthenticationScheme = SessionSignInHandler.SignInScheme;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var secondFactorFailed = false;
        if (result.RequiresTwoFactor)
        {
            // The sign-in manager keeps the pending two-factor user for the rest of this request.
            if (!string.IsNullOrWhiteSpace(request.TwoFactorCode))
            {
                result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorCodes.Normalize(request.TwoFactorCode),
                    isPersistent: false, rememberClient: false);
            }
            else if (!string.IsNullOrWhiteSpace(request.TwoFactorRecoveryCode))
            {
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(request.TwoFactorRecoveryCode.Trim());
            }
            else
            {
                await capture.DiscardAsync();
                return LoginProblems.TwoFactorRequired();
            }

            secondFactorFailed = !result.Succeeded;
        }

        if (result.Succeeded)
        {
            var roles = await users.GetRolesAsync(user);
            await audit.AppendAsync(AccountAuditActions.SignIn, AuditOutcomes.Granted, user.Id.ToString(), user.Id,
                new Dictionary<string, string> { ["roles"] = AccountAudit.RolesOf(roles) }, ct);
            await capture.CompleteAsync(new Dictionary<string, bool>
            {
                ["mustChangePassword"] = user.MustChangePassword,
                ["mustEnrolTwoFactor"] = PendingSteps.MustEnrolTwoFactor(user, roles, security.Value),
            });
            return Results.Empty;
        }

        await capture.DiscardAsync();
        await throttle.RecordFailureAsync(address, email, ct);
        var reason = result.IsLockedOut ? (wasLocked ? "locked_out" : "lockout_started")
            : secondFactorFailed ? "invalid_two_factor_code" : "invalid_password";
        await audit.AppendAsync(AccountAuditActions.SignIn, AuditOutcomes.Denied, user.Id.ToString(), user.Id,
            new Dictionary<string, string> { ["reason"] = reason }, ct);
        if (reason == "lockout_started")
        {
            await audit.AppendAsync(AccountAuditActions.Lockout, AuditOutcomes.Done, user.Id.ToString(), user.Id,
                new Dictionary<string, string> { ["until"] = $"{await users.GetLockoutEndDateAsync(user):O}" }, ct);
        }

        // A wrong second factor on an unlocked account may say so: the password was right, so the caller knows the account.
        return secondFactorFailed && !result.IsLockedOut ? LoginProblems.InvalidTwoFactorCode() : LoginProblems.InvalidCredentials();
    }
}
