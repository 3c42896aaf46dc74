using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.PrintHouses;

namespace NotifyHub.Notifications.Pages.PrintHouses;

/// <summary>
/// Print houses for privacy officers: the list with each key's fingerprint, registering one through the same command as
/// <c>POST /api/v1/print-houses</c>, and revoking (the name typed again to confirm: it stops every letter to it).
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class IndexModel(IMediator mediator, IStringLocalizer<NotificationsText> text) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string KeyKind { get; set; } = "openpgp";

    [BindProperty]
    public string? PublicKey { get; set; }

    [BindProperty]
    public Guid? IncidentId { get; set; }

    [BindProperty]
    public string? SftpHost { get; set; }

    [BindProperty]
    public int? SftpPort { get; set; }

    [BindProperty]
    public string? SftpUser { get; set; }

    [BindProperty]
    public string? SftpHostKey { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public IReadOnlyList<PrintHouseView> Houses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Houses = await mediator.Send(new ListPrintHouses(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var sftp = string.IsNullOrWhiteSpace(SftpHost) ? null : new PrintHouseSftp(SftpHost, SftpPort, SftpUser ?? "", SftpHostKey ?? "");
        try
        {
            await mediator.Send(new RegisterPrintHouse(Name ?? "", KeyKind, PublicKey ?? "", IncidentId, sftp) { Actor = User.ActorId() }, ct);
            TempData["Flash"] = text["PrintHouseRegistered"].Value;
            return Redirect("/console/print-houses");
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(FieldOf(error.PropertyName), error.ErrorMessage);
            }
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.NotFound)
        {
            ModelState.AddModelError(e.Code == "invalid_public_key" ? nameof(PublicKey) : "", e.Detail ?? e.Title);
        }

        Houses = await mediator.Send(new ListPrintHouses(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        Houses = await mediator.Send(new ListPrintHouses(), ct);
        var house = Houses.FirstOrDefault(h => h.Id == id);
        if (house is null)
        {
            return NotFound();
        }

        if (!string.Equals(Confirmation?.Trim(), house.Name, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Confirmation), text["PrintHouseConfirmMismatch"]);
            return Page();
        }

        try
        {
            await mediator.Send(new RevokePrintHouse(id, User.ActorId()), ct);
            TempData["Flash"] = text["PrintHouseRevoked"].Value;
            return Redirect("/console/print-houses");
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Conflict)
        {
            ModelState.AddModelError("", text["ActionRefused", e.Detail ?? e.Title]);
            return Page();
        }
    }

    private static string FieldOf(string property) => property switch
    {
        "Sftp.Host" => nameof(SftpHost),
        "Sftp.Port" => nameof(SftpPort),
        "Sftp.User" => nameof(SftpUser),
        "Sftp.HostKeySha256" => nameof(SftpHostKey),
        _ => property,
    };
}
