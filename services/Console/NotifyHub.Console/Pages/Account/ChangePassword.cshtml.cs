using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.Console.Staff;
using NotifyHub.Web;

namespace NotifyHub.Console.Pages.Account;

/// <summary>
/// Changes the signed-in person's password. For an account on a one-time password (the bootstrap admin's) this is
/// the only page open until it is done; afterwards the cookie is issued again without that mark.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(SignInManager<StaffUser> signIn, IStringLocalizer<ConsoleText> text) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Forced => PasswordChangeRequired.IsRequired(User);

    public async Task<IActionResult> OnPostAsync()
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), text["PasswordRequired"]);
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), text["NewPasswordRequired"]);
        }
        else if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), text["PasswordsDiffer"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword);
                ModelState.AddModelError(field, Describe(error));
            }

            return Page();
        }

        // The mark may be stored as a user claim; the cookie issued again below is built without it.
        foreach (var claim in (await users.GetClaimsAsync(user)).Where(c => c.Type == PasswordChangeRequired.ClaimType && c.Value == PasswordChangeRequired.ClaimValue))
        {
            await users.RemoveClaimAsync(user, claim);
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = text["PasswordChanged"].Value;
        return LocalRedirect(SignedIn.Home);
    }

    // Identity's own descriptions are English only; the codes we expect get the page's language.
    private string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => text["WrongCurrentPassword"],
        nameof(IdentityErrorDescriber.PasswordTooShort) => text["PasswordTooShort", StaffIdentity.MinimumPasswordLength],
        _ => text["PasswordRejected", error.Description],
    };
}
