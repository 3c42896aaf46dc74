using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.Console.Auth;
using NotifyHub.Console.Staff;

namespace NotifyHub.Console.Pages.Account;

/// <summary>
/// Turns on two-factor sign-in from the browser: scan the QR code (or type the key), prove it with a code, keep the
/// recovery codes shown once. Where an admin or privacy officer is sent after sign-in while the deployment requires a
/// second factor and they have none (their session opens nothing else until this is done).
/// </summary>
[Authorize]
public sealed class EnrolTwoFactorModel(SignInManager<StaffUser> signIn, TwoFactorEnrolment enrolment, IStringLocalizer<ConsoleText> text)
    : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool AlreadyOn { get; private set; }

    public TwoFactorSetup? Setup { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string QrCode => QrSvg.Render(Setup!.AuthenticatorUri, text["EnrolQrLabel"]);

    /// <summary>The key in groups of four, as authenticator apps ask for it to be typed.</summary>
    public string GroupedKey => string.Join(' ', Setup!.SharedKey.Chunk(4).Select(c => new string(c)));

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            AlreadyOn = true;
            return Page();
        }

        var codes = string.IsNullOrWhiteSpace(Code) ? null : await enrolment.EnableAsync(user, Code, HttpContext.RequestAborted);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Code), string.IsNullOrWhiteSpace(Code) ? text["TwoFactorRequired"] : text["InvalidTwoFactorCode"]);
            await LoadAsync(user);
            return Page();
        }

        // Enabling ended every session, this one too: a new cookie opens a new, unrestricted one.
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInAsync(user, isPersistent: false);
        RecoveryCodes = codes;
        return Page();
    }

    private async Task LoadAsync(StaffUser user)
    {
        AlreadyOn = user.TwoFactorEnabled;
        if (!AlreadyOn)
        {
            // A reload shows the same key: a new one would silently invalidate what the person just scanned.
            Setup = await enrolment.SetupAsync(user, keepKey: true);
        }
    }
}
