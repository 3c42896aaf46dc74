using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Proofs;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Pages.Templates;

/// <summary>
/// One template version rendered in each of its languages for a made-up person (<see cref="SampleRecipient"/>),
/// through the same query as <c>POST /api/v1/templates/{id}/preview</c>: a preview never reads a real person. A letter
/// template also offers each language's proof PDF and its approval, through the API's own query and command.
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class DetailsModel(NotificationsDbContext db, IMediator mediator, IStringLocalizer<NotificationsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Guid IncidentId { get; private set; }

    public bool IsLetter { get; private set; }

    public IReadOnlyList<TemplatePreview> Previews { get; private set; } = [];

    /// <summary>This version's approved proofs by language.</summary>
    public IReadOnlyDictionary<string, ProofApproval> Approvals { get; private set; } = new Dictionary<string, ProofApproval>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetProofAsync(string? language, CancellationToken ct)
    {
        try
        {
            var proof = await mediator.Send(new GetLetterProof(Id, language, null), ct);
            return File(proof.Pdf, "application/pdf", proof.FileName);
        }
        catch (ProblemException e) when (e.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.RuleBroken)
        {
            // Not a letter, or a language it lacks: only a hand-edited link gets here.
            return BadRequest(e.Detail ?? e.Title);
        }
    }

    public async Task<IActionResult> OnPostApproveAsync(string? language, int? version, CancellationToken ct)
    {
        try
        {
            var approval = await mediator.Send(new ApproveLetterProof(language, version) { TemplateId = Id, Actor = User.ActorId() }, ct);
            return Redirect($"/console/templates/{Id}#proof-{approval.Language}");
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.Conflict or ProblemKind.RuleBroken)
        {
            ModelState.AddModelError("", text["ActionRefused", e.Detail ?? e.Title]);
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        catch (ProblemException e) when (e.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var template = await db.Templates.AsNoTracking().Where(t => t.Id == Id)
            .Select(t => new { t.IncidentId, t.DefaultLanguage, t.Variants, t.Channel, t.Version })
            .FirstOrDefaultAsync(ct);
        if (template is null)
        {
            return false;
        }

        IncidentId = template.IncidentId;
        IsLetter = template.Channel == Channel.Letter;
        var languages = template.Variants.Select(v => v.Language)
            .OrderBy(l => l == template.DefaultLanguage ? 0 : 1).ThenBy(l => l, StringComparer.Ordinal);
        var previews = new List<TemplatePreview>();
        foreach (var language in languages)
        {
            try
            {
                previews.Add(await mediator.Send(new PreviewTemplate(language, null) { TemplateId = Id }, ct));
            }
            catch (ProblemException e) when (e.Kind == ProblemKind.NotFound)
            {
                return false;
            }
        }

        Previews = previews;
        if (IsLetter)
        {
            Approvals = (await db.ProofApprovals.AsNoTracking()
                    .Where(a => a.TemplateId == Id && a.TemplateVersion == template.Version).ToListAsync(ct))
                .ToDictionary(a => a.Language, StringComparer.OrdinalIgnoreCase);
        }

        return true;
    }
}
