using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NotifyHub.Web.Localisation;

namespace NotifyHub.Web.Pages;

/// <summary>
/// Language and time zone, kept in cookies. Open to everyone: the sign-in page needs the switcher too. Served by
/// every process with pages, so the switcher works whichever module is running.
/// </summary>
[AllowAnonymous]
public sealed class PreferencesModel(TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnPost(string? culture, string? timeZone)
    {
        var cookie = new CookieOptions
        {
            Expires = clock.GetUtcNow().AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        };
        if (UiCultures.IsSupported(culture))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)), cookie);
        }

        if (timeZone is not null && UserClock.Offered.Contains(timeZone))
        {
            Response.Cookies.Append(UserClock.TimeZoneCookie, timeZone, cookie);
        }

        // Only a path on this site: an open redirect would let a link send staff anywhere.
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage();
    }
}
