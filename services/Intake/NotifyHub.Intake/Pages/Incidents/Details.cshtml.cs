using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Intake.Imports;
using NotifyHub.Intake.Incidents;

namespace NotifyHub.Intake.Pages.Incidents;

/// <summary>One incident: its facts and clocks, its imports, and closing it with a retention period.</summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class DetailsModel(IMediator mediator, IOptions<IntakeOptions> options, IStringLocalizer<IntakeText> text) : PageModel
{
    public IncidentView Incident { get; private set; } = null!;

    public Paged<ImportStatus> Imports { get; private set; } = null!;

    public int DefaultRetentionDays => options.Value.RetentionDays;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(Guid id, int? retentionDays, CancellationToken ct)
    {
        if (retentionDays is null)
        {
            ModelState.AddModelError("RetentionDays", text["RetentionRequired"]);
        }
        else
        {
            try
            {
                await mediator.Send(new CloseIncident(retentionDays) { IncidentId = id }, ct);
                return Redirect($"/console/incidents/{id}");
            }
            catch (ValidationException)
            {
                ModelState.AddModelError("RetentionDays", text["RetentionRange"]);
            }
            catch (ProblemException e) when (e.Kind == ProblemKind.Conflict)
            {
                ModelState.AddModelError("", text["AlreadyClosed"]);
            }
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Incident = await mediator.Send(new GetIncident(id), ct);
            Imports = await mediator.Send(new ListImports(id, new PageRequest(0, 10)), ct);
            return true;
        }
        catch (ProblemException e) when (e.Kind == ProblemKind.NotFound)
        {
            return false;
        }
    }
}
