using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NotifyHub.Console.Staff;

namespace NotifyHub.Console.Auth;

public sealed record RefreshRequest(string RefreshToken);

/// <summary>
/// <c>POST /api/v1/auth/refresh</c> as in <c>MapIdentityApi</c>: the refresh token must be unexpired and its security
/// stamp current (a password change or vendor revocation renews the stamp); a locked-out user gets nothing either.
/// </summary>
internal static class Refresh
{
    public static async Task<IResult> HandleAsync(RefreshRequest request, HttpContext http,
        SignInManager<StaffUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, SignInThrottle throttle)
    {
        var address = SignInThrottle.AddressOf(http);
        if (await throttle.RetryAfterAsync(address, email: null, http.RequestAborted) is { } wait)
        {
            return SignInThrottle.TooManyAttempts(http, wait);
        }

        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            await throttle.RecordFailureAsync(address, email: null, http.RequestAborted);
            return LoginProblems.InvalidRefreshToken();
        }

        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires ||
            clock.GetUtcNow() >= expires ||
            await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user ||
            await signIn.UserManager.IsLockedOutAsync(user))
        {
            await throttle.RecordFailureAsync(address, email: null, http.RequestAborted);
            return LoginProblems.InvalidRefreshToken();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
