using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Pages.Templates;

/// <summary>
/// An incident's templates (every version) and the form that writes a new one, one slot per language, through the
/// same command as <c>POST /api/v1/incidents/{id}/templates</c>: its validator has the last word, its messages shown
/// beside the slot they are about.
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class IndexModel(NotificationsDbContext db, IMediator mediator, IStringLocalizer<NotificationsText> text) : PageModel
{
    /// <summary>Three languages are what the console speaks; an incident may add others through the API.</summary>
    private static readonly string[] SlotLanguages = ["en", "fr", "ja"];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string Channel { get; set; } = "email";

    [BindProperty]
    public string DefaultLanguage { get; set; } = "en";

    [BindProperty]
    public List<VariantForm> Variants { get; set; } = [];

    public Paged<TemplateSummary> Templates { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Variants = [.. SlotLanguages.Select(l => new VariantForm { Language = l })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        while (Variants.Count < SlotLanguages.Length)
        {
            Variants.Add(new VariantForm());
        }

        var used = Variants.Select((v, slot) => (v, slot)).Where(x => !x.v.IsEmpty).ToList();
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), text["TemplateNameRequired"]);
        }

        if (used.Count == 0)
        {
            ModelState.AddModelError("Variants[0].Body", text["TemplateBodyRequired"]);
        }

        foreach (var (variant, slot) in used.Where(x => string.IsNullOrWhiteSpace(x.v.Language)))
        {
            ModelState.AddModelError($"Variants[{slot}].Language", text["TemplateLanguageRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var command = new CreateTemplate(Name!, Channel, DefaultLanguage,
            [.. used.Select(x => new TemplateVariantInput(x.v.Language!, Channel == "sms" ? null : x.v.Subject, x.v.Body ?? ""))])
        {
            IncidentId = Id,
            Actor = User.ActorId(),
        };
        try
        {
            var created = await mediator.Send(command, ct);
            return Redirect($"/console/templates/{created.Id}");
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(FieldOf(error.PropertyName, used.Select(x => x.slot).ToList()), error.ErrorMessage);
            }

            return Page();
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.RuleBroken)
        {
            // sms_too_long: about the body of a variant, named in the message.
            ModelState.AddModelError($"Variants[{used[0].slot}].Body", e.Detail ?? e.Title);
            return Page();
        }
    }

    /// <summary>
    /// The live preview htmx asks for as the form is typed in: every variant with a body, rendered for the sample
    /// person, or the reason it cannot be. Saves nothing. Without JavaScript the preview comes after saving.
    /// </summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var drafts = Variants.Where(v => !string.IsNullOrWhiteSpace(v.Body))
            .Select(v => new TemplateVariantInput(string.IsNullOrWhiteSpace(v.Language) ? DefaultLanguage : v.Language, v.Subject, v.Body!))
            .ToList();
        try
        {
            return Partial("_DraftPreview", await mediator.Send(new PreviewDraft(Id, Channel, drafts), ct));
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.NotFound or ProblemKind.Invalid)
        {
            return e.Kind == ProblemKind.NotFound ? NotFound() : Partial("_DraftPreview", (IReadOnlyList<DraftPreview>)[]);
        }
    }

    /// <summary>
    /// "Variants[1].Body" of the command is the body of the second slot that was filled in, which is not always the
    /// second slot of the form; a message about a variant as a whole goes beside its body.
    /// </summary>
    internal static string FieldOf(string property, IReadOnlyList<int> slots)
    {
        if (!property.StartsWith("Variants[", StringComparison.Ordinal))
        {
            return property;
        }

        var close = property.IndexOf(']', StringComparison.Ordinal);
        if (close < 0 || !int.TryParse(property.AsSpan(9, close - 9), out var index) || index >= slots.Count)
        {
            return "Variants[0].Body";
        }

        var part = property[(close + 1)..].TrimStart('.');
        part = part is "Language" or "Subject" or "Body" ? part : "Body";
        return $"Variants[{slots[index]}].{part}";
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == Id, ct))
        {
            return false;
        }

        Templates = await mediator.Send(new ListTemplates(Id, new PageRequest(0, PageRequest.MaxTake)), ct);
        return true;
    }

    public static IReadOnlyList<string> ChannelChoices => WireCode<Channel>.All;
}
