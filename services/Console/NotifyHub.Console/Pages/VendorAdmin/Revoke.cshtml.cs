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
/// Revokes a vendor for good (<see cref="RevokeVendor"/>): its key is destroyed, so everything it was given becomes
/// unreadable and cannot be brought back. Because it cannot be undone, the admin types the vendor's name to confirm.
/// </summary>
[Authorize(Policy = Roles.Admin)]
public sealed class RevokeModel(IMediator mediator, IStringLocalizer<ConsoleText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public VendorView Vendor { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // Compared as registration compares names, so spacing and case typed differently still confirm.
        if (VendorName.ComparisonKey(Confirmation ?? "") != VendorName.ComparisonKey(Vendor.Name))
        {
            ModelState.AddModelError(nameof(Confirmation), text["VendorConfirmMismatch"]);
            return Page();
        }

        try
        {
            await mediator.Send(new RevokeVendor(Id) { Actor = User.ActorId() }, ct);
            TempData["Flash"] = text["VendorRevoked"].Value;
            return Redirect("/console/vendors");
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.Conflict)
        {
            ModelState.AddModelError("", text["StaffActionRefused", e.Detail ?? e.Title]);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Vendor = await mediator.Send(new GetVendor(Id), ct);
            return true;
        }
        catch (ProblemException e) when (e.Kind == ProblemKind.NotFound)
        {
            return false;
        }
    }
}
