using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Privacy.Audit;
using System.Security.Claims;

namespace NotifyHub.BuildingBlocks.Auth;

/// <summary>
/// A signed-in caller of the API refused by a policy gets a problem+json 403 with a code it can act on
/// (<c>password_change_required</c>, <c>two_factor_enrolment_required</c> or <c>forbidden</c>), and the refusal is
/// audited: someone probing routes above their role is exactly what auditors need to see.
/// </summary>
public sealed partial class RefusedAccessHandler(ILogger<RefusedAccessHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    public const string AuditAction = "access.forbidden";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var code = context.User.PendingStep() ?? "forbidden";
        await AuditAsync(context, code);
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // A page: the scheme shows its own refusal (the cookie sends a person to the pending step or to the
            // "forbidden" page), not a JSON body a browser would display raw.
            await context.ForbidAsync();
            return;
        }

        var problem = ProblemException.Forbidden(code, "Forbidden", code switch
        {
            SessionRestrictions.PasswordChangeRequired => "Change the one-time password first (POST /api/v1/auth/password), then sign in again.",
            SessionRestrictions.TwoFactorEnrolmentRequired => "Enrol a second factor first (POST /api/v1/auth/2fa/setup, then /api/v1/auth/2fa/enable), then sign in again.",
            _ => "Your roles do not allow this.",
        });
        context.Response.StatusCode = problem.Status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem.ToProblemDetails() });
    }

    private async Task AuditAsync(HttpContext context, string code)
    {
        try
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
            var vendor = context.User.FindFirstValue(NotifyHubClaims.VendorId);
            await context.RequestServices.GetRequiredService<AuditLog>().AppendAsync(
                new AuditEvent(AuditAction, AuditOutcomes.Denied)
                {
                    ActorUserId = Guid.TryParse(context.User.ActorId(), out var actor) ? actor : null,
                    ActorVendorId = Guid.TryParse(vendor, out var v) ? v : null,
                    Details = new Dictionary<string, string>
                    {
                        ["method"] = context.Request.Method,
                        ["route"] = route,
                        ["code"] = code,
                    },
                }, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The caller is refused either way; a failing audit store must not turn a 403 into a 500.
            LogAuditFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not audit a refused request")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception);
}
