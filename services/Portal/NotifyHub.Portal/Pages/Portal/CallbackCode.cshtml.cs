using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Portal.Callbacks;

namespace NotifyHub.Portal.Pages.Portal;

/// <summary>"Was that call really from us?": the same throttled <see cref="CallbackCodeCheck"/> as the API.</summary>
[AllowAnonymous]
public sealed class CallbackCodeModel(CallbackCodeCheck check, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty]
    public string? CallbackCode { get; set; }

    public bool? Genuine { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var (result, wait) = await check.CheckAsync(new CallbackCodeRequest(CallbackCode), HttpContext, ct);
            if (wait is { } retry)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError(nameof(CallbackCode), text["TooMany", (int)Math.Ceiling(retry.TotalMinutes)]);
                return Page();
            }

            Genuine = result!.Genuine;
        }
        catch (ProblemException e)
        {
            ModelState.AddModelError(nameof(CallbackCode), e.Detail ?? e.Title);
        }

        return Page();
    }
}
