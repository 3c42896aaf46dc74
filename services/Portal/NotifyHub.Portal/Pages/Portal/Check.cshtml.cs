using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Portal.Sessions;
using NotifyHub.Portal.Status;
using System.Globalization;

namespace NotifyHub.Portal.Pages.Portal;

/// <summary>
/// The check form: the same <see cref="StatusCheck"/> as the API, so the same limits and the same single "no match".
/// Success sets the session cookie (HttpOnly, Secure, SameSite=Strict, 15 minutes) and goes to the status page.
/// </summary>
[AllowAnonymous]
public sealed class CheckModel(StatusCheck check, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty]
    public string? ReferenceCode { get; set; }

    [BindProperty]
    public string? DateOfBirth { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        StatusOutcome outcome;
        try
        {
            outcome = await check.CheckAsync(new StatusRequest(ReferenceCode, DateOfBirth, Postcode), HttpContext,
                CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        }
        catch (ProblemException e)
        {
            ModelState.AddModelError(FieldOf(e.Code), e.Detail ?? e.Title);
            return Page();
        }

        if (outcome.RetryAfter is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError(nameof(ReferenceCode), text["TooMany", (int)Math.Ceiling(wait.TotalMinutes)]);
            return Page();
        }

        if (outcome.Status is not { } status)
        {
            ModelState.AddModelError(nameof(ReferenceCode), text["NoMatch"]);
            return Page();
        }

        Response.Cookies.Append(PortalSessions.CookieName, status.SessionToken, new CookieOptions
        {
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/", Expires = status.ExpiresAt, IsEssential = true,
        });
        return Redirect("/portal/status");
    }

    private static string FieldOf(string code) => code switch
    {
        "invalid_date_of_birth" => nameof(DateOfBirth),
        "invalid_postcode" => nameof(Postcode),
        _ => nameof(ReferenceCode),
    };
}
