using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth.Sessions;
using NotifyHub.Console.Staff;

namespace NotifyHub.Console.Auth;

public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

/// <summary>
/// <c>POST /api/v1/auth/login</c>, the way Identity's <c>MapIdentityApi</c> signs in, minus its public registration
/// endpoints, plus problem codes clients can branch on. The sign-in goes to the session scheme, which opens a
/// server-side session and writes <c>{tokenType, accessToken, expiresIn, refreshToken}</c> for it.
/// </summary>
internal static class Login
{
    private static string? _decoyHash;

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> HandleAsync(LoginRequest request,
        SignInManager<StaffUser> signIn)
    {
        var users = signIn.UserManager;
        var password = request.Password ?? "";
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            // Hash anyway, so the response time does not tell an unknown email from a wrong password.
            _decoyHash ??= users.PasswordHasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), _decoyHash, password);
            return LoginProblems.InvalidCredentials();
        }

        signIn.AuthenticationScheme = SessionSignInHandler.SignInScheme;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
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
                // Recovery codes are stored as issued ("XXXXX-XXXXX"), dash included.
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(request.TwoFactorRecoveryCode.Trim());
            }
            else
            {
                return LoginProblems.TwoFactorRequired();
            }

            if (!result.Succeeded && !result.IsLockedOut)
            {
                return LoginProblems.InvalidTwoFactorCode();
            }
        }

        if (result.Succeeded)
        {
            // The session scheme has already written the token response.
            return TypedResults.Empty;
        }

        return result.IsLockedOut
            ? LoginProblems.LockedOut(await users.GetLockoutEndDateAsync(user))
            : LoginProblems.InvalidCredentials();
    }
}
