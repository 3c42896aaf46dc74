using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Status;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Portal.Statements;

/// <summary>The body of <c>PUT /api/v1/incidents/{id}/statement</c>.</summary>
public sealed record StatementRequest(string? Language, string? Title, string? Statement, IReadOnlyList<string>? Advice,
    string? HelplinePhone, string? HelplineHours);

/// <summary>Writes the incident's public statement in one language (a new PUT replaces it), audited in the same transaction.</summary>
public sealed class SetStatement(PortalDbContext db, IncidentTexts texts, TimeProvider clock)
{
    public const string AuditAction = "portal.statement.set";

    public async Task HandleAsync(Guid incidentId, StatementRequest request, Guid? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = request.Language?.Trim().ToLowerInvariant();
        if (language is null || !CategoryAdvice.Languages.Contains(language))
        {
            throw ProblemException.Invalid("unsupported_language", "'language' must be en, fr or ja.");
        }

        Require(request.Title, 200, "title");
        Require(request.Statement, 8000, "statement");
        Require(request.HelplinePhone, 40, "helplinePhone");
        Require(request.HelplineHours, 200, "helplineHours");
        var advice = (request.Advice ?? []).Select(a => a?.Trim() ?? "").ToList();
        if (advice.Count > 20 || advice.Any(a => a.Length is 0 or > 400 || a.Contains('\n', StringComparison.Ordinal)))
        {
            throw ProblemException.Invalid("invalid_advice", "'advice' is at most 20 single-line items of 1 to 400 characters.");
        }

        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, ct))
        {
            throw ProblemException.NotFound("Incident", incidentId);
        }

        var now = clock.GetUtcNow();
        var statement = await db.Statements.FirstOrDefaultAsync(s => s.IncidentId == incidentId && s.Language == language, ct);
        if (statement is null)
        {
            statement = new IncidentStatement
            {
                IncidentId = incidentId, Language = language, Title = "", Statement = "", Advice = "", HelplinePhone = "", HelplineHours = "",
            };
            db.Statements.Add(statement);
        }

        statement.Title = request.Title!.Trim();
        statement.Statement = request.Statement!.Trim();
        statement.Advice = string.Join('\n', advice);
        statement.HelplinePhone = request.HelplinePhone!.Trim();
        statement.HelplineHours = request.HelplineHours!.Trim();
        statement.UpdatedAt = now;
        db.Audit(new AuditEvent(AuditAction, AuditOutcomes.Done)
        {
            ActorUserId = actor,
            SubjectId = incidentId,
            Details = new Dictionary<string, string> { ["language"] = language },
        });
        await db.SaveChangesAsync(ct);
        texts.Invalidate();
    }

    private static void Require(string? value, int max, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            throw ProblemException.Invalid("invalid_" + name, $"'{name}' is required, at most {max} characters.");
        }
    }
}
