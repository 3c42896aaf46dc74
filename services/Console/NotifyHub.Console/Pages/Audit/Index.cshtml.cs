using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Audit;
using NotifyHub.Console.Database;
using NotifyHub.Privacy.Audit;
using NotifyHub.Web.Localisation;

namespace NotifyHub.Console.Pages.Audit;

/// <summary>
/// The audit log for auditors, a time window read page by page as <c>GET /api/v1/audit</c> reads it, and the button
/// that verifies the chain (<see cref="AuditChainCheck"/>, itself recorded). Filters: when, who (a staff email) and
/// what (an action or a family of actions). Entries hold ids and codes only; an
/// actor is shown by the staff email the console knows it by.
/// </summary>
[Authorize(Policy = Roles.Auditor)]
public sealed class IndexModel(AuditLog log, CurrentActor actor, ConsoleDbContext db, UserClock clock, TimeProvider time,
    IStringLocalizer<ConsoleText> text) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Start of the window, typed in the reader's time zone.</summary>
    [BindProperty(SupportsGet = true)]
    public DateTime? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTime? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    /// <summary>Who: a staff member's email (or user id); empty for everyone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    /// <summary>What: an action code, or a prefix ending with a dot for a family of actions (<c>callcentre.</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? What { get; set; }

    /// <summary>The actions in the log, offered as suggestions for <see cref="What"/>.</summary>
    public IReadOnlyList<string> KnownActions { get; private set; } = [];

    public IReadOnlyList<AuditEntryView> Entries { get; private set; } = [];

    public bool HasNext { get; private set; }

    public IReadOnlyDictionary<Guid, string> Actors { get; private set; } = new Dictionary<Guid, string>();

    public AuditVerification? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditChainCheck.VerifyAndRecordAsync(log, actor, ct);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The query string of another page of the same window.</summary>
    public string PageQuery(int skip) =>
        $"?From={Uri.EscapeDataString(Input(From))}&To={Uri.EscapeDataString(Input(To))}&Who={Uri.EscapeDataString(Who ?? "")}"
        + $"&What={Uri.EscapeDataString(What ?? "")}&Skip={skip}";

    /// <summary>
    /// The subject, purpose, fields and details as "key=value" pairs separated by spaces, so a narrow column wraps
    /// between pairs rather than inside an id.
    /// </summary>
    public static IReadOnlyList<string> Describe(AuditEntryView entry)
    {
        var pairs = new List<string>();
        if (entry.SubjectId is { } subject)
        {
            pairs.Add($"subject={subject}");
        }

        if (entry.Purpose is { } purpose)
        {
            pairs.Add($"purpose={purpose}");
        }

        if (entry.Fields is { Length: > 0 } fields)
        {
            pairs.Add($"fields={fields}");
        }

        if (entry.Details is { ValueKind: System.Text.Json.JsonValueKind.Object } details)
        {
            pairs.AddRange(details.EnumerateObject().Select(p => $"{p.Name}={p.Value}"));
        }

        return pairs;
    }

    public static string Input(DateTime? local) =>
        local?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private async Task LoadAsync(CancellationToken ct)
    {
        var since = From is { } from ? clock.ToUtc(from) : DateTimeOffset.UnixEpoch;
        var until = To is { } to ? clock.ToUtc(to) : time.GetUtcNow().AddSeconds(1);
        if (since >= until)
        {
            ModelState.AddModelError(nameof(To), text["AuditWindowInvalid"]);
            return;
        }

        KnownActions = await log.ActionsAsync(ct);
        Guid? actorId = null;
        if (!string.IsNullOrWhiteSpace(Who))
        {
            var who = Who.Trim();
            var normalized = who.ToUpperInvariant(); // as Identity normalises emails
            actorId = Guid.TryParse(who, out var id) ? id
                : await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (actorId is null)
            {
                ModelState.AddModelError(nameof(Who), text["AuditActorUnknown"]);
                return;
            }
        }

        Skip = Math.Max(0, Skip);
        var entries = await log.ReadAsync(since, until, Skip, PageSize + 1, actorId, What?.Trim(), ct);
        HasNext = entries.Count > PageSize;
        Entries = [.. entries.Take(PageSize).Select(AuditEntryView.From)];
        var ids = Entries.Where(e => e.ActorUserId is not null).Select(e => e.ActorUserId!.Value).Distinct().ToList();
        Actors = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id.ToString(), ct);
    }
}
