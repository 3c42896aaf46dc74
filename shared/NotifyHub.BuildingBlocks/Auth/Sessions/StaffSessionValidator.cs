using System.Security.Claims;

namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// Checks an authenticated principal against its server-side session. Used by both the bearer scheme and the
/// cookie scheme, so a token or cookie is worth exactly what its session still grants.
/// </summary>
public sealed class StaffSessionValidator(StaffSessionStore sessions)
{
    /// <returns>
    /// The principal with the session's roles and vendor in place of whatever it claimed; null when it names no
    /// session, or one that ended, expired or belongs to someone else.
    /// </returns>
    public async Task<ClaimsPrincipal?> ValidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (SessionClaims.SessionKeyOf(principal) is not { Length: > 0 } sessionKey ||
            await sessions.FindActiveAsync(sessionKey, cancellationToken) is not { } session ||
            principal.FindFirstValue(ClaimTypes.NameIdentifier) != session.UserId.ToString())
        {
            return null;
        }

        return SessionClaims.WithGrant(principal, session.RoleList, session.VendorId);
    }
}
