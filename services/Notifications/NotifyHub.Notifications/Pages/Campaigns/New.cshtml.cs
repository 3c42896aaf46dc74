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
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Pages.Campaigns;

/// <summary>
/// Creates a campaign in draft through the same command as <c>POST /api/v1/incidents/{id}/campaigns</c>, then shows
/// it on its own page, where it is launched and watched. Each chosen channel needs one of the incident's templates of
/// that channel.
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class NewModel(NotificationsDbContext db, IMediator mediator, IStringLocalizer<NotificationsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Channels { get; set; } = [];

    [BindProperty]
    public string Strategy { get; set; } = "first-available";

    /// <summary>The template chosen per channel code, posted as <c>Templates[email]</c>.</summary>
    [BindProperty]
    public Dictionary<string, Guid?> Templates { get; set; } = [];

    /// <summary>The incident's templates by channel code, newest version first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TemplateSummary>> Choices { get; private set; } =
        new Dictionary<string, IReadOnlyList<TemplateSummary>>();

    public static IReadOnlyList<string> ChannelCodesInOrder => WireCode<Channel>.All;

    public static IReadOnlyList<string> Strategies => WireCode<CampaignStrategy>.All;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), text["CampaignNameRequired"]);
        }

        if (Channels.Count == 0)
        {
            ModelState.AddModelError(nameof(Channels), text["CampaignChannelsRequired"]);
        }

        foreach (var channel in Channels.Where(c => Templates.GetValueOrDefault(c) is null))
        {
            ModelState.AddModelError($"Templates[{channel}]", text["CampaignTemplateRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var created = await mediator.Send(new CreateCampaign(Name!, Channels, Strategy,
                Channels.ToDictionary(c => c, c => Templates[c]!.Value))
            {
                IncidentId = Id,
                Actor = User.ActorId(),
            }, ct);
            return Redirect($"/console/campaigns/{created.Id}");
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(error.PropertyName.Split('[')[0], error.ErrorMessage);
            }

            return Page();
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.RuleBroken)
        {
            ModelState.AddModelError(nameof(Channels), e.Detail ?? e.Title);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == Id, ct))
        {
            return false;
        }

        var templates = await mediator.Send(new ListTemplates(Id, new PageRequest(0, PageRequest.MaxTake)), ct);
        Choices = WireCode<Channel>.All.ToDictionary(c => c,
            c => (IReadOnlyList<TemplateSummary>)[.. templates.Items.Where(t => t.Channel == c)]);
        return true;
    }
}
