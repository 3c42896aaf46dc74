using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NotifyHub.Web;

/// <summary>
/// An account signed in with a one-time password sees only the change-password page until it has chosen its own
/// (and may still sign out or switch language on the way). A resource filter, so it also stops pages that have no
/// handler method of their own.
/// </summary>
internal sealed class PasswordChangeFilter : IResourceFilter
{
    public const string ChangePasswordPath = "/console/password";

    private static readonly string[] Allowed = [ChangePasswordPath, PageRegistration.SignOutPath, "/console/preferences", PageRegistration.ForbiddenPath];

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var http = context.HttpContext;
        if (PasswordChangeRequired.IsRequired(http.User) &&
            !Allowed.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new RedirectResult(ChangePasswordPath);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
