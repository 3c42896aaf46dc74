using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Intake.Incidents;
using NotifyHub.Web.Localisation;

namespace NotifyHub.Intake.Pages.Incidents;

/// <summary>
/// Opens an incident through the same command as <c>POST /api/v1/incidents</c>. Times are typed in the reader's
/// time zone; the command's validator has the last word, its messages shown beside their fields.
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class OpenModel(IMediator mediator, UserClock clock, IStringLocalizer<IntakeText> text) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public DateTime? DiscoveredAt { get; set; }

    [BindProperty]
    public DateTime? OccurredFrom { get; set; }

    [BindProperty]
    public DateTime? OccurredTo { get; set; }

    [BindProperty]
    public string? Cause { get; set; }

    [BindProperty]
    public List<string> DataCategories { get; set; } = [];

    [BindProperty]
    public string? Jurisdictions { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Require(nameof(Title), !string.IsNullOrWhiteSpace(Title), "TitleRequired");
        Require(nameof(Summary), !string.IsNullOrWhiteSpace(Summary), "SummaryRequired");
        Require(nameof(DiscoveredAt), DiscoveredAt is not null, "DiscoveredAtRequired");
        Require(nameof(Cause), !string.IsNullOrEmpty(Cause), "CauseRequired");
        Require(nameof(DataCategories), DataCategories.Count > 0, "CategoriesRequired");
        var jurisdictions = (Jurisdictions ?? "").Split([',', ' ', ';', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Require(nameof(Jurisdictions), jurisdictions.Length > 0, "JurisdictionsRequired");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = await mediator.Send(new OpenIncident(Title!, Summary!, clock.ToUtc(DiscoveredAt!.Value),
                OccurredFrom is { } from ? clock.ToUtc(from) : null, OccurredTo is { } to ? clock.ToUtc(to) : null,
                Cause!, DataCategories, jurisdictions)
            { Actor = User.ActorId() }, ct);
            return Redirect($"/console/incidents/{id}");
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                // "Jurisdictions[1]" belongs to the Jurisdictions field.
                ModelState.AddModelError(error.PropertyName.Split('[')[0], error.ErrorMessage);
            }

            return Page();
        }
    }

    private void Require(string field, bool present, string message)
    {
        if (!present)
        {
            ModelState.AddModelError(field, text[message]);
        }
    }
}
