using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Bootstrap;
using NotifyHub.Console.Staff;
using NotifyHub.Console.Vendors;

namespace NotifyHub.Console.Pages.Staff;

/// <summary>
/// Staff accounts for admins, through the API's own commands (each audited, each ending the account's sessions):
/// create one with its roles and a one-time password shown once, which its owner must change at first sign-in;
/// disable, enable, reset the second factor.
/// </summary>
[Authorize(Policy = Roles.Admin)]
public sealed class IndexModel(IMediator mediator, IStringLocalizer<ConsoleText> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public Guid? VendorId { get; set; }

    public IReadOnlyList<StaffView> Staff { get; private set; } = [];

    public IReadOnlyList<VendorView> Vendors { get; private set; } = [];

    /// <summary>Set once, in the answer to the creation: never stored, never in a redirect.</summary>
    public string? OneTimePasswordShown { get; private set; }

    public string? CreatedEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), text["EmailRequired"]);
        }

        if (SelectedRoles.Count == 0)
        {
            ModelState.AddModelError(nameof(SelectedRoles), text["StaffRolesRequired"]);
        }

        if (ModelState.IsValid)
        {
            var password = OneTimePassword.Generate();
            try
            {
                await mediator.Send(new CreateStaff(Email!, password, SelectedRoles, VendorId)
                {
                    Actor = User.ActorId(),
                    MustChangePassword = true,
                }, ct);
                OneTimePasswordShown = password;
                CreatedEmail = Email!.Trim();
                Email = null;
                SelectedRoles = [];
                VendorId = null;
            }
            catch (ValidationException e)
            {
                foreach (var error in e.Errors)
                {
                    ModelState.AddModelError(FieldOf(error.PropertyName), error.ErrorMessage);
                }
            }
            catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.RuleBroken or ProblemKind.NotFound or ProblemKind.Conflict)
            {
                ModelState.AddModelError(e.Code == "email_in_use" ? nameof(Email) : nameof(VendorId), e.Detail ?? e.Title);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid staffId, CancellationToken ct) =>
        RunAsync(new DisableStaff(staffId) { Actor = User.ActorId() }, ct);

    public Task<IActionResult> OnPostEnableAsync(Guid staffId, CancellationToken ct) =>
        RunAsync(new EnableStaff(staffId) { Actor = User.ActorId() }, ct);

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid staffId, CancellationToken ct) =>
        RunAsync(new ResetStaffTwoFactor(staffId) { Actor = User.ActorId() }, ct);

    private async Task<IActionResult> RunAsync(ICommand<StaffView> command, CancellationToken ct)
    {
        try
        {
            await mediator.Send(command, ct);
            return Redirect("/console/staff");
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.RuleBroken or ProblemKind.NotFound or ProblemKind.Conflict)
        {
            // For example: the last admin cannot be disabled. The API's one-line reason, no personal data in it.
            ModelState.AddModelError("", text["StaffActionRefused", e.Detail ?? e.Title]);
            await LoadAsync(ct);
            return Page();
        }
    }

    /// <summary>The command's and Identity's field names (Email, password, roles, vendorId) to this form's fields.</summary>
    private static string FieldOf(string property) => property.Split('[')[0].ToLowerInvariant() switch
    {
        "email" => nameof(Email),
        "roles" => nameof(SelectedRoles),
        "vendorid" => nameof(VendorId),
        _ => "",
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Staff = await mediator.Send(new ListStaff(), ct);
        Vendors = await mediator.Send(new ListVendors(), ct);
    }
}
