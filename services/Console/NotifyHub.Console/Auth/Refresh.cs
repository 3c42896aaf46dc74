using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Auth.Sessions;
using NotifyHub.Console.Staff;
using NotifyHub.Privacy.Audit;
using System.Globalization;

namespace NotifyHub.Console.Auth;

public sealed record RefreshRequest(string RefreshToken);

/// <summary>
/// <c>POST /api/v1/auth/refresh</c>: exchanges a session's current refresh token, once, for new tokens. The refresh
/// token and the session key both rotate, so the previous access token stops working too, and roles and vendor are
/// read again from the user store. A refresh token that was already exchanged means two parties hold the session:
/// the whole session ends (the newer tokens with it) and the attempt is audited as <c>auth.refresh_reuse</c>.
/// </summary>
internal static class Refresh
{
    public static async Task<IResult> HandleAsync(RefreshRequest request,
        HttpContext http, StaffSessionStore sessions, SessionTokenIssuer issuer, SignInManager<StaffUser> signIn,
        AuditLog audit, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        SessionTokenIssuer.NoStore(http.Response);
        var address = SignInThrottle.AddressOf(http);
        if (await throttle.RetryAfterAsync(address, email: null, cancellationToken) is { } wait)
        {
            return SignInThrottle.TooManyAttempts(http, wait);
        }

        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            await throttle.RecordFailureAsync(address, email: null, cancellationToken);
            return LoginProblems.InvalidRefreshToken();
        }

        var found = await sessions.FindByRefreshTokenAsync(request.RefreshToken, cancellationToken);
        if (found.Reused)
        {
            await EndReusedAsync(found.Session!, sessions, audit, cancellationToken);
            return LoginProblems.InvalidRefreshToken();
        }

        if (found.Session is not { } session)
        {
            await throttle.RecordFailureAsync(address, email: null, cancellationToken);
            return LoginProblems.InvalidRefreshToken();
        }

        var user = await signIn.UserManager.FindByIdAsync(session.UserId.ToString());
        if (user is null)
        {
            await sessions.RevokeAsync(session.Id, SessionRevocationReasons.AccountLocked, cancellationToken);
            return LoginProblems.InvalidRefreshToken();
        }

        // Refused but not ended: anyone can lock an account for a while with wrong passwords, and that must not
        // sign its owner out. Accounts cut off for good have their sessions ended where that is decided.
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return LoginProblems.InvalidRefreshToken();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var (_, vendorId, roles) = SessionClaims.GrantOf(principal);
        if (await sessions.RotateAsync(session, vendorId, roles, cancellationToken) is not { } rotated)
        {
            // The same token was exchanged by a concurrent request: one of the two callers is not its owner.
            await EndReusedAsync(session, sessions, audit, cancellationToken);
            return LoginProblems.InvalidRefreshToken();
        }

        return TypedResults.Ok(issuer.Tokens(principal, rotated));
    }

    private static async Task EndReusedAsync(StaffSession session, StaffSessionStore sessions, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var ended = await sessions.RevokeAsync(session.Id, SessionRevocationReasons.RefreshTokenReused, cancellationToken);
        await audit.AppendAsync(new AuditEvent(SessionAuditActions.RefreshReuse, AuditOutcomes.Denied)
        {
            ActorUserId = session.UserId,
            ActorVendorId = session.VendorId,
            SubjectId = session.Id,
            Details = new Dictionary<string, string>
            {
                ["session"] = session.Id.ToString(),
                ["sessions_ended"] = ended.ToString(CultureInfo.InvariantCulture),
                ["refresh_count"] = session.RefreshCount.ToString(CultureInfo.InvariantCulture),
            },
        }, cancellationToken);
    }
}
