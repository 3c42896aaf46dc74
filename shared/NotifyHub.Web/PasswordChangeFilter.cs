using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using NotifyHub.BuildingBlocks.Auth;

namespace NotifyHub.Web;

/// <summary>
/// An account signed in with a one-time password sees only the change-password page until it has chosen its own
/// (and may still sign out or switch language on the way).
/// </summary>
internal sealed class PasswordChangeFilter : IPageFilter
{
    public const string ChangePasswordPath = "/console/password";

    private static readonly string[] Allowed = [ChangePasswordPath, PageRegistration.SignOutPath, "/console/preferences"];

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        if (http.User.HasClaim(c => c.Type == NotifyHubClaims.MustChangePassword) &&
            !Allowed.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new RedirectResult(ChangePasswordPath);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
