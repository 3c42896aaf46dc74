using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace NotifyHub.BuildingBlocks.Auth;

/// <summary>
/// Part of every staff policy: the caller's token is not restricted (see <see cref="SessionRestrictions"/>), or the
/// route is one that completes the pending step.
/// </summary>
public sealed class FullSessionRequirement : AuthorizationHandler<FullSessionRequirement>, IAuthorizationRequirement
{
    public static FullSessionRequirement Instance { get; } = new();

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, FullSessionRequirement requirement)
    {
        var path = context.Resource is HttpContext http ? http.Request.Path : default;
        if (context.User.PendingStep() is null || SessionRestrictions.IsAllowed(path))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
