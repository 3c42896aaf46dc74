using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Web;
using System.Security.Claims;

namespace NotifyHub.Console.Pages.Account;

/// <summary>
/// Where a completed sign-in goes: the step the new session is restricted to (change a one-time password first,
/// then enrol an authenticator), otherwise back where the person was going, if that is on this site.
/// </summary>
internal static class SignedIn
{
    public const string Home = "/console";

    public const string ChangePassword = "/console/password";

    public const string EnrolTwoFactor = "/console/two-factor";

    public static IActionResult Redirect(PageModel page, string? returnUrl, ClaimsPrincipal signedIn) =>
        signedIn.PendingStep() switch
        {
            SessionRestrictions.PasswordChangeRequired => page.LocalRedirect(ChangePassword),
            SessionRestrictions.TwoFactorEnrolmentRequired => page.LocalRedirect(EnrolTwoFactor),
            _ => page.LocalRedirect(page.Url.IsLocalUrl(returnUrl) ? returnUrl! : Home),
        };
}
