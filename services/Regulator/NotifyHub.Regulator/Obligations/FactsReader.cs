using Microsoft.EntityFrameworkCore;
using NotifyHub.Regulator.Database;

namespace NotifyHub.Regulator.Obligations;

/// <summary>Reads an incident's facts from this module's own tables: a handful of rows, whatever the number of people.</summary>
public static class FactsReader
{
    public static async Task<IncidentFacts?> ReadAsync(RegulatorDbContext db, Guid incidentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return null;
        }

        var counts = await db.AffectedCounts.AsNoTracking().Where(c => c.IncidentId == incidentId)
            .ToDictionaryAsync(c => c.Jurisdiction, c => c.Count, ct);
        var assessments = (await db.RiskAssessments.AsNoTracking().Where(a => a.IncidentId == incidentId).ToListAsync(ct))
            .GroupBy(a => a.Jurisdiction)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.RecordedAt).Last() is var a ? new AssessmentFact(a.Harm, a.CompletedAt, a.Rationale) : null!);
        var filings = await db.Filings.AsNoTracking().Where(f => f.IncidentId == incidentId)
            .ToDictionaryAsync(f => f.ObligationId, f => f.FiledAt, ct);
        var templates = await db.NoticeTemplates.AsNoTracking().Where(t => t.IncidentId == incidentId).ToListAsync(ct);
        return new IncidentFacts
        {
            IncidentId = incident.Id,
            Title = incident.Title,
            Summary = incident.Summary,
            Cause = incident.Cause,
            DataCategories = incident.DataCategories,
            Jurisdictions = incident.Jurisdictions,
            DiscoveredAt = incident.DiscoveredAt,
            AwareAt = incident.AwareAt,
            DeterminedAt = incident.DeterminedAt,
            OccurredFrom = incident.OccurredFrom,
            OccurredTo = incident.OccurredTo,
            Affected = counts,
            Assessments = assessments,
            Filings = filings,
            NoticeTemplates = [.. templates.OrderBy(t => t.AddedAt).Select(t => new Letters.NoticeTemplateFact(
                t.TemplateId, t.Channel, t.Language, t.Numbers, t.PeopleCounts, t.WordHashes.ToHashSet()))],
        };
    }
}
