using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Pages.Templates;

/// <summary>
/// One template version rendered in each of its languages for a made-up person (<see cref="SampleRecipient"/>),
/// through the same query as <c>POST /api/v1/templates/{id}/preview</c>: a preview never reads a real person.
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class DetailsModel(NotificationsDbContext db, IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Guid IncidentId { get; private set; }

    public IReadOnlyList<TemplatePreview> Previews { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var template = await db.Templates.AsNoTracking().Where(t => t.Id == Id)
            .Select(t => new { t.IncidentId, t.DefaultLanguage, t.Variants })
            .FirstOrDefaultAsync(ct);
        if (template is null)
        {
            return NotFound();
        }

        IncidentId = template.IncidentId;
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
                return NotFound();
            }
        }

        Previews = previews;
        return Page();
    }
}
