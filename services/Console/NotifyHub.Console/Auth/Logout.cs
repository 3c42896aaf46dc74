using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Auth.Sessions;
using NotifyHub.Privacy.Audit;
using System.Globalization;
using System.Security.Claims;

namespace NotifyHub.Console.Auth;

/// <summary>
/// <c>POST /api/v1/auth/logout</c> ends the caller's session; <c>POST /api/v1/auth/logout-everywhere</c> ends every
/// session of the caller (a lost laptop, a shared password). Both take effect on the next request, whatever the
/// tokens' expiry, and both are audited.
/// </summary>
internal static class Logout
{
    public static async Task<NoContent> LogoutAsync(ClaimsPrincipal principal, StaffSessionStore sessions, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var session = SessionClaims.SessionKeyOf(principal) is { Length: > 0 } key
            ? await sessions.FindActiveAsync(key, cancellationToken)
            : null;
        var ended = session is null ? 0 : await sessions.RevokeAsync(session.Id, SessionRevocationReasons.Logout, cancellationToken);
        await AuditAsync(audit, SessionAuditActions.Logout, principal, session?.Id, ended, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> LogoutEverywhereAsync(ClaimsPrincipal principal, StaffSessionStore sessions,
        AuditLog audit, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(principal.ActorId());
        var ended = await sessions.RevokeAllOfUserAsync(userId, SessionRevocationReasons.LogoutEverywhere, cancellationToken);
        await AuditAsync(audit, SessionAuditActions.LogoutEverywhere, principal, userId, ended, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<AuditEntry> AuditAsync(AuditLog audit, string action, ClaimsPrincipal principal, Guid? subject, int ended,
        CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent(action, AuditOutcomes.Done)
        {
            ActorUserId = Guid.Parse(principal.ActorId()),
            ActorVendorId = Guid.TryParse(principal.FindFirstValue(NotifyHubClaims.VendorId), out var vendor) ? vendor : null,
            SubjectId = subject,
            Details = new Dictionary<string, string> { ["sessions_ended"] = ended.ToString(CultureInfo.InvariantCulture) },
        }, cancellationToken);
}
