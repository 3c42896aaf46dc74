using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.Console.Auth;
using NotifyHub.Console.Staff;
using NotifyHub.Web;

namespace NotifyHub.Console.Pages.Account;

/// <summary>
/// Changes the signed-in person's password. For an account on a one-time password (the bootstrap admin's) this is
/// the only page open until it is done; afterwards the cookie is issued again without that mark. The change itself is
/// the API's (<see cref="PasswordChanger"/>): rate-limited, audited, and it ends every other session.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(SignInManager<StaffUser> signIn, PasswordChanger changer, IStringLocalizer<ConsoleText> text) : PageModel
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

        var outcome = await changer.ChangeAsync(user, CurrentPassword, NewPassword, SignInThrottle.AddressOf(HttpContext), HttpContext.RequestAborted);
        switch (outcome.Result)
        {
            case PasswordChangeResult.Changed:
                // Every session ended with the change, this one too: a new cookie opens a new one.
                signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
                await signIn.SignInAsync(user, isPersistent: false);
                TempData["Flash"] = text["PasswordChanged"].Value;
                return SignedIn.Redirect(this, null, await signIn.CreateUserPrincipalAsync(user));
            case PasswordChangeResult.Throttled:
                ModelState.AddModelError(nameof(CurrentPassword), text["TooManyAttempts", Math.Ceiling(outcome.RetryAfter!.Value.TotalMinutes)]);
                break;
            case PasswordChangeResult.WrongCurrentPassword:
                ModelState.AddModelError(nameof(CurrentPassword), text["WrongCurrentPassword"]);
                break;
            case PasswordChangeResult.Reused:
                ModelState.AddModelError(nameof(NewPassword), text["PasswordReused"]);
                break;
            default:
                foreach (var error in outcome.Errors!)
                {
                    ModelState.AddModelError(nameof(NewPassword), Describe(error));
                }

                break;
        }

        return Page();
    }

    // Identity's own descriptions are English only; the codes we expect get the page's language.
    private string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => text["WrongCurrentPassword"],
        nameof(IdentityErrorDescriber.PasswordTooShort) => text["PasswordTooShort", StaffIdentity.MinimumPasswordLength],
        _ => text["PasswordRejected", error.Description],
    };
}
