using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NotifyHub.Web;
using System.Security.Claims;

namespace NotifyHub.Console.Pages.Account;

/// <summary>
/// Where a completed sign-in goes: the change-password page when the new session is restricted to it (a one-time
/// password), otherwise back where the person was going, if that is on this site.
/// </summary>
internal static class SignedIn
{
    public const string Home = "/console";

    public static IActionResult Redirect(PageModel page, string? returnUrl, ClaimsPrincipal signedIn) =>
        PasswordChangeRequired.IsRequired(signedIn)
            ? page.LocalRedirect("/console/password")
            : page.LocalRedirect(page.Url.IsLocalUrl(returnUrl) ? returnUrl! : Home);
}
