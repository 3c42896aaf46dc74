using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NotifyHub.Console.Pages.Account;

/// <summary>
/// Where a completed sign-in goes: back where the person was going, if that is on this site. An account that must
/// change its one-time password is stopped there by the pages' password-change filter (its cookie carries the claim).
/// </summary>
internal static class SignedIn
{
    public const string Home = "/console";

    public static IActionResult Redirect(PageModel page, string? returnUrl) =>
        page.LocalRedirect(page.Url.IsLocalUrl(returnUrl) ? returnUrl! : Home);
}
