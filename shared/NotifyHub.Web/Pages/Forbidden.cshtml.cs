using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NotifyHub.Web.Pages;

/// <summary>Where the sign-in cookie sends someone whose roles do not open a page; answers 403, not 200.</summary>
[AllowAnonymous]
public sealed class ForbiddenModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
