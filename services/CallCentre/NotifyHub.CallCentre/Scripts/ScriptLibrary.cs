using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Support;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.CallCentre.Scripts;

/// <summary>
/// Versioned call scripts per incident and language. A case shows the latest version in the caller's language, or
/// else in the incident's default language (the language of its first script).
/// </summary>
public sealed class ScriptLibrary(CallCentreDbContext db, CallCentreAudit audit, TimeProvider clock)
{
    public async Task<ScriptView> AddAsync(Guid incidentId, AddScript request, CallCentreActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = request.Language?.Trim() ?? "";
        if (!System.Text.RegularExpressions.Regex.IsMatch(language, "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$") || language.Length > 35)
        {
            throw Problems.Invalid("invalid_language", "language must be a BCP 47 tag such as en, fr or ja.");
        }

        var title = request.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200)
        {
            throw Problems.Invalid("invalid_title", "title must be 1 to 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > 20_000)
        {
            throw Problems.Invalid("invalid_body", "body must be 1 to 20,000 characters.");
        }

        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId && i.PurgedAt == null, ct)
            ?? throw ProblemException.NotFound("Incident", incidentId);
        incident.DefaultLanguage ??= language;
        var version = (await db.Scripts.Where(s => s.IncidentId == incidentId && s.Language == language)
            .MaxAsync(s => (int?)s.Version, ct) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var script = new Script
        {
            Id = Guid.CreateVersion7(now), IncidentId = incidentId, Language = language, Version = version,
            Title = title, Body = request.Body, CreatedBy = actor.UserId, CreatedAt = now,
        };
        db.Scripts.Add(script);
        audit.Record(CallCentreAudit.ScriptAdd, AuditOutcomes.Done, actor, script.Id, incidentId);
        await db.SaveChangesAsync(ct);
        return ScriptView.From(script);
    }

    public async Task<ScriptView?> CurrentAsync(Guid incidentId, string? language, CancellationToken ct)
    {
        var script = language is null ? null : await LatestAsync(incidentId, language, ct);
        if (script is null)
        {
            var fallback = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
                .Select(i => i.DefaultLanguage).FirstOrDefaultAsync(ct);
            script = fallback is null ? null : await LatestAsync(incidentId, fallback, ct);
        }

        return script is null ? null : ScriptView.From(script);
    }

    /// <summary>
    /// The same answer as <see cref="CurrentAsync(Guid, string?, CancellationToken)"/> when the incident's default
    /// language is already known (a case read fetches it with the case): one query, none when the incident has no
    /// script (its default language is set by the first one).
    /// </summary>
    public async Task<ScriptView?> CurrentAsync(Guid incidentId, string? language, string? defaultLanguage, CancellationToken ct)
    {
        if (defaultLanguage is null)
        {
            return null;
        }

        var wanted = language ?? defaultLanguage;
        var script = await db.Scripts.AsNoTracking()
            .Where(s => s.IncidentId == incidentId && (s.Language == wanted || s.Language == defaultLanguage))
            .OrderBy(s => s.Language == wanted ? 0 : 1).ThenByDescending(s => s.Version)
            .FirstOrDefaultAsync(ct);
        return script is null ? null : ScriptView.From(script);
    }

    private Task<Script?> LatestAsync(Guid incidentId, string language, CancellationToken ct) =>
        db.Scripts.AsNoTracking().Where(s => s.IncidentId == incidentId && s.Language == language)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
}
