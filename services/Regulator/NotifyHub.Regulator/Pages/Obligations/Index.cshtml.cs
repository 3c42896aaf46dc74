using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Regulator.Assessments;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Drafts;
using NotifyHub.Regulator.Filings;
using NotifyHub.Regulator.Obligations;
using NotifyHub.Web.Live;
using NotifyHub.Web.Localisation;

namespace NotifyHub.Regulator.Pages.Obligations;

/// <summary>
/// An incident's obligations board: the same computation as <c>GET /api/v1/incidents/{id}/obligations</c>, soonest
/// deadline first, and the privacy officer's two actions through the API's own handlers (<see cref="RecordAssessment"/>,
/// <see cref="FileReport"/>), so validation, error codes and audit entries are the API's. Auditors read; only privacy
/// officers record (Razor Pages ignore [Authorize] on handlers, hence the explicit check in each POST).
/// </summary>
[Authorize(Policy = BoardPolicy)]
public sealed class IndexModel(RegulatorDbContext db, ObligationEngine engine, RecordAssessment assessments, FileReport filings,
    DraftBuilder drafts, DraftPdfRenderer pdf, IAuthorizationService authorization, LiveFigures live, UserClock userClock, TimeProvider clock,
    IStringLocalizer<RegulatorText> text) : PageModel
{
    /// <summary>Privacy officers and auditors, as the API's list of obligations.</summary>
    public const string BoardPolicy = "RegulatorBoard";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>What was just recorded (assessment, filing), announced once after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? Jurisdiction { get; set; }

    [BindProperty]
    public string? Harm { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    [BindProperty]
    public DateTime? CompletedAt { get; set; }

    [BindProperty]
    public Guid? ObligationId { get; set; }

    [BindProperty]
    public DateTime? FiledAt { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    public IncidentFacts Facts { get; private set; } = null!;

    public IReadOnlyList<Obligation> Obligations { get; private set; } = [];

    public IReadOnlyList<string> TouchedJurisdictions => [.. Obligations.Select(o => o.Jurisdiction).Distinct().Order(StringComparer.Ordinal)];

    public IReadOnlyList<Obligation> Fileable => [.. Obligations.Where(o => BoardOrder.IsOpen(o) && o.Kind != Rules.ObligationKinds.RiskAssessment)];

    public bool CanRecord { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string NowInput => userClock.InputValue(Now);

    public DeadlineTimeline Timeline => new(Obligations.Where(BoardOrder.IsOpen), Now);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    /// <summary>
    /// The counts by status and the soonest deadlines, which the incident's page loads with htmx. Its facts are at most
    /// a few seconds old (<see cref="LiveFigures"/>); the deadlines are computed at each request.
    /// </summary>
    public async Task<IActionResult> OnGetSummaryAsync(CancellationToken ct)
    {
        var id = Id;
        var facts = await live.GetAsync($"obligations:{id}", TimeSpan.FromSeconds(3),
            (services, token) => FactsReader.ReadAsync(services.GetRequiredService<RegulatorDbContext>(), id, token), ct);
        return await LoadAsync(facts, ct) ? Partial("_DashboardSummary", this) : NotFound();
    }

    /// <summary>
    /// An obligation's draft as <c>GET /api/v1/obligations/{id}/draft</c> gives it (same builder and renderer), for the
    /// signed-in browser: the API takes bearer tokens only. Privacy officers only, as the API.
    /// </summary>
    public async Task<IActionResult> OnGetDraftAsync(Guid obligation, string? format, CancellationToken ct)
    {
        if (!await MayRecordAsync())
        {
            return Forbid();
        }

        if (format is not (null or "json" or "pdf") || !await db.Obligations.AnyAsync(o => o.Id == obligation && o.IncidentId == Id, ct))
        {
            return NotFound();
        }

        var draft = await drafts.BuildAsync(obligation, ct);
        return format == "pdf"
            ? File(pdf.Render(draft), "application/pdf", $"obligation-{obligation}.pdf")
            : new JsonResult(draft) { ContentType = "application/json" };
    }

    public async Task<IActionResult> OnPostAssessAsync(CancellationToken ct)
    {
        if (!await MayRecordAsync())
        {
            return Forbid();
        }

        return await ActAsync(async () => await assessments.HandleAsync(Id,
            new RecordAssessmentRequest(Jurisdiction, Harm, Rationale, CompletedAt is { } at ? userClock.ToUtc(at) : null), Actor, ct),
            "assessment", AssessmentField, ct);
    }

    public async Task<IActionResult> OnPostFileAsync(CancellationToken ct)
    {
        if (!await MayRecordAsync())
        {
            return Forbid();
        }

        // Only this incident's obligations: an id from elsewhere is refused as the API refuses an unknown one.
        var obligation = ObligationId is { } chosen && await db.Obligations.AnyAsync(o => o.Id == chosen && o.IncidentId == Id, ct)
            ? chosen
            : Guid.Empty;
        return await ActAsync(async () => await filings.HandleAsync(obligation,
            new FileReportRequest(FiledAt is { } at ? userClock.ToUtc(at) : null, Reference), Actor, ct),
            "filing", FilingField, ct);
    }

    private Guid? Actor => Guid.TryParse(User.ActorId(), out var actor) ? actor : null;

    private async Task<bool> MayRecordAsync() => (await authorization.AuthorizeAsync(User, Roles.PrivacyOfficer)).Succeeded;

    /// <summary>Post, redirect, get: a reload never records twice. A refusal is shown beside its field.</summary>
    private async Task<IActionResult> ActAsync(Func<Task> act, string done, Func<string, string> field, CancellationToken ct)
    {
        try
        {
            await act();
            return Redirect($"/console/incidents/{Id}/obligations?done={done}");
        }
        catch (ProblemException e) when (e.Kind == ProblemKind.NotFound && done == "assessment")
        {
            return NotFound();
        }
        catch (ProblemException e) when (e.Kind is ProblemKind.Invalid or ProblemKind.NotFound or ProblemKind.Conflict or ProblemKind.RuleBroken)
        {
            ModelState.AddModelError(field(e.Code), text.Problem(e));
            return await ShowAsync(ct);
        }
    }

    private static string AssessmentField(string code) => code switch
    {
        "invalid_harm" => nameof(Harm),
        "invalid_rationale" => nameof(Rationale),
        "completed_at_required" or "completed_in_future" => nameof(CompletedAt),
        _ => nameof(Jurisdiction),
    };

    private static string FilingField(string code) => code switch
    {
        "filed_at_required" or "filed_in_future" => nameof(FiledAt),
        "invalid_reference" => nameof(Reference),
        _ => nameof(ObligationId),
    };

    private async Task<IActionResult> ShowAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct) => await LoadAsync(await FactsReader.ReadAsync(db, Id, ct), ct);

    private async Task<bool> LoadAsync(IncidentFacts? facts, CancellationToken ct)
    {
        if (facts is null)
        {
            return false;
        }

        Facts = facts;
        Now = clock.GetUtcNow();
        Obligations = BoardOrder.Sort(engine.Compute(facts, Now));
        CanRecord = await MayRecordAsync();
        return true;
    }
}
