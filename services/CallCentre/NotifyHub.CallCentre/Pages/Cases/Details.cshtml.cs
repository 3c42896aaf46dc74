using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.CallCentre.Callbacks;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Support;
using NotifyHub.Web.Localisation;

namespace NotifyHub.CallCentre.Pages.Cases;

/// <summary>
/// One case, read through <see cref="CaseReader"/> (one metered, audited read of the person's projection under the
/// vendor's key, exactly as <c>GET /api/v1/callcentre/cases/{id}</c>), and the agent's actions through
/// <see cref="CaseActions"/> and <see cref="CallbackBook"/>. Another vendor's case is 404, as in the API.
/// </summary>
[Authorize(Policy = Roles.Agent)]
public sealed class DetailsModel(CaseReader cases, CaseActions actions, CallbackBook callbacks, UserClock clock,
    TimeProvider time, IStringLocalizer<CallCentreText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The callback just requested: its code is shown prominently, to be read to the caller.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Callback { get; set; }

    /// <summary>What was just done (note, escalated, resend), announced once after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public DateTime? DueAt { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    public CaseView Case { get; private set; } = null!;

    public bool Blocked { get; private set; }

    public CaseCallbackView? NewCallback => Case.Callbacks.FirstOrDefault(c => c.Id == Callback);

    /// <summary>A time a little ahead, in the agent's zone, as the callback form's starting value.</summary>
    public string SuggestedDueAt => clock.InputValue(time.GetUtcNow().AddHours(2));

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    // Free text is read from the form, not bound to a property, so a refused note is never written back to the page.
    public Task<IActionResult> OnPostNoteAsync(CancellationToken ct) =>
        ActAsync("NoteText", async () => await actions.AddNoteAsync(Id, new AddNote(Request.Form["NoteText"]), Actor, ct), "note", ct);

    public Task<IActionResult> OnPostCallbackAsync(CancellationToken ct) => ActAsync("CallbackReason", async () =>
    {
        var created = await callbacks.ScheduleAsync(Id, new ScheduleCallback(DueAt is { } due ? clock.ToUtc(due) : null,
            Request.Form["CallbackReason"]), Actor, ct);
        return $"/callcentre/cases/{Id}?callback={created.Id}#new-callback";
    }, ct);

    public Task<IActionResult> OnPostResendAsync(CancellationToken ct) =>
        ActAsync(nameof(Channel), async () => await actions.ResendAsync(Id, new RequestResend(Channel), Actor, ct), "resend", ct);

    public Task<IActionResult> OnPostEscalateAsync(CancellationToken ct) =>
        ActAsync("EscalationReason", async () => await actions.EscalateAsync(Id, new EscalateCase(Request.Form["EscalationReason"]), Actor, ct), "escalated", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => ActAsync(nameof(Outcome), async () =>
    {
        await actions.CloseAsync(Id, new CloseCase(Outcome), Actor, ct);
        return "/callcentre?closed=true";
    }, ct);

    private CallCentreActor Actor => CallCentreActor.From(User);

    private Task<IActionResult> ActAsync(string field, Func<Task> act, string done, CancellationToken ct) =>
        ActAsync(field, async () =>
        {
            await act();
            return $"/callcentre/cases/{Id}?done={done}";
        }, ct);

    /// <summary>Post, redirect, get: a reload never repeats the action. A refusal is shown beside its field.</summary>
    private async Task<IActionResult> ActAsync(string field, Func<Task<string>> act, CancellationToken ct)
    {
        try
        {
            return Redirect(await act());
        }
        catch (ProblemException e) when (e.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.Conflict or ProblemKind.RuleBroken or ProblemKind.Locked)
        {
            ModelState.AddModelError(e.Kind is ProblemKind.Conflict or ProblemKind.Locked ? "" : Field(field, e.Code), text.Problem(e));
            return await ShowAsync(ct);
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        try
        {
            Case = await cases.ReadAsync(Id, Actor, ct);
            return Page();
        }
        catch (ProblemException e) when (e.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
        catch (ProblemException e) when (e.Kind == ProblemKind.Locked)
        {
            Blocked = true;
            return Page();
        }
    }

    /// <summary>The callback form has two fields; a time problem belongs to the time, the rest to the reason.</summary>
    private static string Field(string field, string code) =>
        code is "due_at_required" or "callback_in_past" or "callback_too_far" ? nameof(DueAt) : field;
}
