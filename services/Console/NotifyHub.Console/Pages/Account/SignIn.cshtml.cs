using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.Console.Auth;
using NotifyHub.Console.Staff;
using System.Globalization;

namespace NotifyHub.Console.Pages.Account;

/// <summary>
/// Cookie sign-in from the same Identity store as the API: same lockout, same second factor. An unknown email and a
/// wrong password get the same message, so the page never says whether an account exists. Rate limits and audit
/// are the API's (<see cref="SignInRecorder"/>).
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<StaffUser> signIn, SignInRecorder recorder, IStringLocalizer<ConsoleText> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), text["EmailRequired"]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), text["PasswordRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var ct = HttpContext.RequestAborted;
        var address = SignInThrottle.AddressOf(HttpContext);
        var email = Email!.Trim();
        if (await recorder.RetryAfterAsync(address, email, ct) is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError(nameof(Email), text["TooManyAttempts", Math.Ceiling(wait.TotalMinutes)]);
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            await recorder.UnknownAccountAsync(address, email, Password!, ct);
            ModelState.AddModelError(nameof(Email), text["InvalidCredentials"]);
            return Page();
        }

        var wasLocked = await signIn.UserManager.IsLockedOutAsync(user);
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl });
        }

        if (result.Succeeded)
        {
            await recorder.SucceededAsync(user, ct);

            // The principal the cookie was just issued with (page.User is still the anonymous one).
            return SignedIn.Redirect(this, ReturnUrl, await signIn.CreateUserPrincipalAsync(user));
        }

        await recorder.FailedAsync(user, result, wasLocked, secondFactorFailed: false, address, email, ct);
        ModelState.AddModelError(nameof(Email), result.IsLockedOut ? text["LockedOut"] : text["InvalidCredentials"]);
        return Page();
    }
}
