using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.Console.Staff;

namespace NotifyHub.Console.Pages.Account;

/// <summary>
/// Cookie sign-in from the same Identity store as the API: same lockout, same second factor. An unknown email and a
/// wrong password get the same message, so the page never says whether an account exists.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<StaffUser> signIn, IStringLocalizer<ConsoleText> text) : PageModel
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

        var user = await signIn.UserManager.FindByEmailAsync(Email!.Trim());
        if (user is null)
        {
            ModelState.AddModelError(nameof(Email), text["InvalidCredentials"]);
            return Page();
        }

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl });
        }

        if (result.Succeeded)
        {
            // The principal the cookie was just issued with (page.User is still the anonymous one).
            return SignedIn.Redirect(this, ReturnUrl, await signIn.CreateUserPrincipalAsync(user));
        }

        ModelState.AddModelError(nameof(Email), result.IsLockedOut ? text["LockedOut"] : text["InvalidCredentials"]);
        return Page();
    }
}
