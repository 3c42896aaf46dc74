using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.Console.Auth;
using NotifyHub.Console.Staff;

namespace NotifyHub.Console.Pages.Account;

/// <summary>
/// The second step of sign-in: a TOTP code from the authenticator app, or one of the recovery codes (they contain a
/// dash). Identity remembers who passed the first step in its short-lived two-factor cookie.
/// </summary>
[AllowAnonymous]
public sealed class TwoFactorModel(SignInManager<StaffUser> signIn, SignInRecorder recorder, IStringLocalizer<ConsoleText> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("SignIn", new { ReturnUrl });
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), text["TwoFactorRequired"]);
            return Page();
        }

        var ct = HttpContext.RequestAborted;
        var address = SignInThrottle.AddressOf(HttpContext);
        if (await recorder.RetryAfterAsync(address, user.Email, ct) is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(nameof(Code), text["TooManyAttempts", Math.Ceiling(wait.TotalMinutes)]);
            return Page();
        }

        var wasLocked = await signIn.UserManager.IsLockedOutAsync(user);
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = code.Contains('-', StringComparison.Ordinal) && code.Length > 8
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace("-", "", StringComparison.Ordinal),
                isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await recorder.SucceededAsync(user, ct);
            return SignedIn.Redirect(this, ReturnUrl, await signIn.CreateUserPrincipalAsync(user));
        }

        await recorder.FailedAsync(user, result, wasLocked, secondFactorFailed: true, address, user.Email, ct);
        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? text["LockedOut"] : text["InvalidTwoFactorCode"]);
        return Page();
    }
}
