using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Web.Charts;

namespace NotifyHub.Notifications.Pages.Campaigns;

/// <summary>
/// One campaign: launch, pause, resume or cancel it through the API's own commands (the buttons offered follow its
/// status), and its progress per channel as a chart with its table.
/// </summary>
[Authorize(Policy = Roles.PrivacyOfficer)]
public sealed class DetailsModel(IMediator mediator, IStringLocalizer<NotificationsText> text) : PageModel
{
    private static readonly string[] Statuses = ["queued", "sent", "delivered", "posted", "returned", "failed", "suppressed", "cancelled"];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CampaignView Campaign { get; private set; } = null!;

    public StackedBarChart Chart { get; private set; } = null!;

    public IReadOnlyList<string> Actions => Campaign.Status switch
    {
        "draft" => ["Launch", "Cancel"],
        "running" => ["Pause", "Cancel"],
        "paused" => ["Resume", "Cancel"],
        _ => [],
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetProgressAsync(string? shown, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (shown is not null && shown != Campaign.Status)
        {
            // htmx reloads the page: the status above and the buttons offered depend on it.
            Response.Headers["HX-Refresh"] = "true";
        }

        return Partial("_CampaignProgress", this);
    }

    public Task<IActionResult> OnPostLaunchAsync(CancellationToken ct) => RunAsync(new LaunchCampaign(Id), ct);

    public Task<IActionResult> OnPostPauseAsync(CancellationToken ct) => RunAsync(new PauseCampaign(Id), ct);

    public Task<IActionResult> OnPostResumeAsync(CancellationToken ct) => RunAsync(new ResumeCampaign(Id), ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) => RunAsync(new CancelCampaign(Id), ct);

    private async Task<IActionResult> RunAsync(ICommand command, CancellationToken ct)
    {
        try
        {
            await mediator.Send(command, ct);
            return Redirect($"/console/campaigns/{Id}");
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.Conflict or ProblemKind.RuleBroken)
        {
            // The API's explanation (no personal data in it), under a heading in the reader's language.
            ModelState.AddModelError("", text["ActionRefused", e.Detail ?? e.Title]);
            return await LoadAsync(ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Campaign = await mediator.Send(new GetCampaign(Id), ct);
        }
        catch (ProblemException e) when (e.Kind == ProblemKind.NotFound)
        {
            return false;
        }

        var rows = Campaign.Channels.Select(channel =>
        {
            var t = Campaign.ByChannel.GetValueOrDefault(channel) ?? new ChannelTotals(0, 0, 0, 0, 0, 0, 0);
            return new ChartRow(text["Channel_" + channel], [t.Queued, t.Sent, t.Delivered, t.Posted, t.Returned, t.Failed, t.Suppressed, t.Cancelled]);
        }).ToList();
        Chart = new StackedBarChart("campaign-chart", text["ProgressChart"], text["Channel"],
            [.. Statuses.Select(s => text["DeliveryStatus_" + s].Value)], rows);
        return true;
    }
}
