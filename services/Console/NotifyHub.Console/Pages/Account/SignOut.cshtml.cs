using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NotifyHub.Console.Staff;

namespace NotifyHub.Console.Pages.Account;

/// <summary>Signing out is a POST (with the antiforgery token), so a link on another site cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<StaffUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("SignIn");
    }
}
