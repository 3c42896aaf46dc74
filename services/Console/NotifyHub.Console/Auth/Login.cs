using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Auth.Sessions;
using NotifyHub.Console.Staff;

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
    public static async Task<IResult> HandleAsync(LoginRequest request, HttpContext http,
        SignInManager<StaffUser> signIn, SignInRecorder recorder, IOptions<AccountSecurityOptions> security)
    {
        var ct = http.RequestAborted;
        var address = SignInThrottle.AddressOf(http);
        var email = request.Email?.Trim();
        if (await recorder.RetryAfterAsync(address, email, ct) is { } wait)
        {
            return SignInThrottle.TooManyAttempts(http, wait);
        }

        var users = signIn.UserManager;
        var password = request.Password ?? "";
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            await recorder.UnknownAccountAsync(address, email, password, ct);
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
            await recorder.SucceededAsync(user, ct);
            var roles = await users.GetRolesAsync(user);
            await capture.CompleteAsync(new Dictionary<string, bool>
            {
                ["mustChangePassword"] = user.MustChangePassword,
                ["mustEnrolTwoFactor"] = PendingSteps.MustEnrolTwoFactor(user, roles, security.Value),
            });
            return Results.Empty;
        }

        await capture.DiscardAsync();
        await recorder.FailedAsync(user, result, wasLocked, secondFactorFailed, address, email, ct);

        // A wrong second factor on an unlocked account may say so: the password was right, so the caller knows the account.
        return secondFactorFailed && !result.IsLockedOut ? LoginProblems.InvalidTwoFactorCode() : LoginProblems.InvalidCredentials();
    }
}
