using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using System.Security.Claims;

namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// Issues API tokens for a session: opens one at sign-in, or carries one over at refresh. The only place that
/// protects access tokens, so every token it makes names a session.
/// </summary>
public sealed class SessionTokenIssuer(StaffSessionStore sessions, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
{
    /// <summary>Opens a session for <paramref name="principal"/> (as Identity made it) and tokens for it.</summary>
    public async Task<SessionTokens> SignInAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var (userId, vendorId, roles) = SessionClaims.GrantOf(principal);
        var opened = await sessions.OpenAsync(userId, vendorId, roles, StaffSessionKinds.Bearer, cancellationToken);
        return Tokens(principal, opened);
    }

    /// <summary>Tokens for a session <see cref="StaffSessionStore.RotateAsync"/> just refreshed.</summary>
    public SessionTokens Tokens(ClaimsPrincipal principal, OpenedSession opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = time.GetUtcNow() + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(SessionClaims.WithSessionKey(principal, opened.SessionKey), properties,
            $"{IdentityConstants.BearerScheme}:AccessToken");
        return new SessionTokens(
            options.BearerTokenProtector.Protect(ticket),
            (long)options.BearerTokenExpiration.TotalSeconds,
            opened.RefreshToken ?? throw new InvalidOperationException("Only API sessions have refresh tokens."));
    }

    /// <summary>Token answers must not be kept by browsers or proxies (RFC 6749 §5.1).</summary>
    public static void NoStore(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[HeaderNames.CacheControl] = "no-store";
        response.Headers[HeaderNames.Pragma] = "no-cache";
    }
}
