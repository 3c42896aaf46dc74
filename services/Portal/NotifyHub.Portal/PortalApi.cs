using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Portal.Actions;
using NotifyHub.Portal.Callbacks;
using NotifyHub.Portal.Sessions;
using NotifyHub.Portal.Statements;
using NotifyHub.Portal.Status;
using System.Security.Claims;

namespace NotifyHub.Portal;

/// <summary>
/// The public portal API. No staff token: the status check and the callback-code check are anonymous and throttled;
/// the person's actions need the <c>Portal</c> session the status check handed out (401 without a live one).
/// </summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApiV1(this IEndpointRouteBuilder endpoints)
    {
        var portal = endpoints.MapGroup("/api/v1/portal").WithTags("Portal").AllowAnonymous();
        portal.MapPost("/status", StatusAsync).WithName("PortalStatus");
        portal.MapPost("/callback-codes/check", CheckCallbackCodeAsync).WithName("PortalCheckCallbackCode");
        portal.MapPost("/callbacks", CallbackAsync).WithName("PortalRequestCallback");
        portal.MapPost("/preferences", PreferencesAsync).WithName("PortalChangePreferences");
        portal.MapPost("/resend", ResendAsync).WithName("PortalResend");
        endpoints.MapPut("/api/v1/incidents/{id:guid}/statement", StatementAsync).WithTags("Portal").WithName("SetIncidentStatement")
            .RequireAuthorization(Roles.PrivacyOfficer);
        return endpoints;
    }

    private static async Task<IResult> StatusAsync(StatusRequest request, HttpContext context, StatusCheck check, CancellationToken ct)
    {
        var outcome = await check.CheckAsync(request, context, null, ct);
        return outcome switch
        {
            { RetryAfter: { } wait } => NoMatch.TooManyAttempts(wait),
            { Status: { } status } => TypedResults.Ok(status),
            _ => NoMatch.Result(),
        };
    }

    private static async Task<IResult> CheckCallbackCodeAsync(CallbackCodeRequest request, HttpContext context, CallbackCodeCheck check,
        CancellationToken ct)
    {
        var (result, wait) = await check.CheckAsync(request, context, ct);
        return wait is { } retry ? NoMatch.TooManyAttempts(retry) : TypedResults.Ok(result);
    }

    private static async Task<IResult> CallbackAsync(CallbackRequest request, HttpContext context, PortalSessions sessions,
        PersonActions actions, CancellationToken ct)
    {
        if (await sessions.FindAsync(context, ct) is not { } session)
        {
            return NoSession();
        }

        var accepted = await actions.RequestCallbackAsync(session, request, ct);
        return TypedResults.Created($"/api/v1/portal/callbacks/{accepted.Id}", accepted);
    }

    private static async Task<IResult> PreferencesAsync(PreferencesRequest request, HttpContext context, PortalSessions sessions,
        PersonActions actions, CancellationToken ct) =>
        await sessions.FindAsync(context, ct) is { } session
            ? TypedResults.Ok(await actions.ChangePreferencesAsync(session, request, ct))
            : NoSession();

    private static async Task<IResult> ResendAsync(ResendRequest request, HttpContext context, PortalSessions sessions,
        PersonActions actions, CancellationToken ct)
    {
        if (await sessions.FindAsync(context, ct) is not { } session)
        {
            return NoSession();
        }

        await actions.ResendAsync(session, request, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> StatementAsync(Guid id, StatementRequest request, ClaimsPrincipal user, SetStatement handler,
        CancellationToken ct)
    {
        await handler.HandleAsync(id, request, Guid.TryParse(user.ActorId(), out var actor) ? actor : null, ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NoSession() => ProblemException.Unauthenticated("portal_session_required", "Check your status first",
        "This needs a portal session: check your status with your reference code, then use the session token within 15 minutes.")
        .ToHttpResult();
}
