using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NotifyHub.Web.Localisation;

namespace NotifyHub.Portal.Pages.Portal;

/// <summary>
/// The portal's language switcher: sets the culture cookie and goes back to the portal page it came from. The portal's
/// own, so a deployment that runs only the portal (no console) switches language too. Antiforgery-checked like every
/// page post; a GET simply shows the start page.
/// </summary>
[AllowAnonymous]
public sealed class LanguageModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => Redirect("/portal");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (UiCultures.IsSupported(culture))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)), new CookieOptions
                {
                    Expires = clock.GetUtcNow().AddYears(1),
                    HttpOnly = true,
                    IsEssential = true,
                    // Lax, not Strict: a person who follows the QR link from elsewhere keeps their language.
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                });
        }

        // Back to a portal page only: never an open redirect, and never a staff page.
        return Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/portal", StringComparison.OrdinalIgnoreCase) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? LocalRedirect(returnUrl)
            : Redirect("/portal");
    }
}
