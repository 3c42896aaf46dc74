using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Vendors;

namespace NotifyHub.Console.Pages.VendorAdmin;

/// <summary>
/// Call-centre vendors for admins: the list, and registering one through the same command as
/// <c>POST /api/v1/vendors</c>. Revoking has its own page, where the name is typed to confirm.
/// </summary>
[Authorize(Policy = Roles.Admin)]
public sealed class IndexModel(IMediator mediator, IStringLocalizer<ConsoleText> text) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<VendorView> Vendors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Vendors = await mediator.Send(new ListVendors(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), text["VendorNameRequired"]);
        }
        else
        {
            try
            {
                await mediator.Send(new RegisterVendor(Name) { Actor = User.ActorId() }, ct);
                TempData["Flash"] = text["VendorRegistered"].Value;
                return Redirect("/console/vendors");
            }
            catch (ValidationException e)
            {
                foreach (var error in e.Errors)
                {
                    ModelState.AddModelError(nameof(Name), error.ErrorMessage);
                }
            }
            catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.Conflict)
            {
                ModelState.AddModelError(nameof(Name), e.Code == "vendor_name_in_use" ? text["VendorNameInUse"] : e.Detail ?? e.Title);
            }
        }

        Vendors = await mediator.Send(new ListVendors(), ct);
        return Page();
    }
}
