using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Portal.Actions;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Sessions;
using NotifyHub.Portal.Status;
using System.Globalization;

namespace NotifyHub.Portal.Pages.Portal;

/// <summary>
/// The verified person's status, in the page's language, and their actions (callback, contact preferences) through
/// the same <see cref="PersonActions"/> as the API. Without a live session cookie it sends the visitor to the check.
/// </summary>
[AllowAnonymous]
public sealed class StatusModel(PortalDbContext db, PortalSessions sessions, StatusView view, PersonActions actions,
    IStringLocalizer<PortalText> text) : PageModel
{
    public StatusResponse? Status { get; private set; }

    public string? Message { get; private set; }

    public bool StopEmail { get; private set; }

    public bool StopSms { get; private set; }

    [BindProperty]
    public DateTime? PreferredAt { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public bool StopEmailChoice { get; set; }

    [BindProperty]
    public bool StopSmsChoice { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostCallbackAsync(CancellationToken ct)
    {
        if (await sessions.FindAsync(HttpContext, ct) is not { } session)
        {
            return Redirect("/portal/check");
        }

        try
        {
            var at = PreferredAt is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc)) : (DateTimeOffset?)null;
            await actions.RequestCallbackAsync(session, new CallbackRequest(at, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), ct);
            Message = text["CallbackRequested"];
        }
        catch (ProblemException e)
        {
            ModelState.AddModelError(nameof(PreferredAt), e.Detail ?? e.Title);
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        if (await sessions.FindAsync(HttpContext, ct) is not { } session)
        {
            return Redirect("/portal/check");
        }

        try
        {
            await actions.ChangePreferencesAsync(session, new PreferencesRequest(Language, StopEmailChoice, StopSmsChoice), ct);
            Message = text["Saved"];
        }
        catch (ProblemException e)
        {
            ModelState.AddModelError(nameof(Language), e.Detail ?? e.Title);
        }

        return await ShowAsync(ct);
    }

    [BindProperty]
    public string? ResendChannel { get; set; }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        if (await sessions.FindAsync(HttpContext, ct) is not { } session)
        {
            return Redirect("/portal/check");
        }

        try
        {
            await actions.ResendAsync(session, new ResendRequest(ResendChannel), ct);
            Message = text["ResendRequested"];
        }
        catch (ProblemException)
        {
            ModelState.AddModelError(nameof(ResendChannel), text["ChooseChannel"]);
        }

        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await sessions.FindAsync(HttpContext, ct) is not { } session)
        {
            return Redirect("/portal/check");
        }

        var person = await db.People.AsNoTracking().FirstAsync(p => p.PersonId == session.PersonId, ct);
        (StopEmail, StopSms) = (person.StopEmail, person.StopSms);
        Language ??= (await view.ReadPersonAsync(person, ct)).Language;
        Status = await view.BuildAsync(person, "", session.ExpiresAt, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, null, ct);
        return Page();
    }
}
