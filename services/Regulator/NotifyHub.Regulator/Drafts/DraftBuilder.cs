using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Regulator.Calendars;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Obligations;
using NotifyHub.Regulator.Rules;
using System.Globalization;

namespace NotifyHub.Regulator.Drafts;

/// <summary>
/// Fills an obligation's required content from what this module knows (incident description, clocks, categories,
/// counts, assessment, the configured contact point). Everything else is marked to be completed, never guessed.
/// </summary>
public sealed class DraftBuilder(RegulatorDbContext db, RuleBook rules, ObligationEngine engine, IOptions<RegulatorOptions> options,
    TimeProvider clock)
{
    public async Task<Draft> BuildAsync(Guid obligationId, CancellationToken ct)
    {
        var row = await db.Obligations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == obligationId, ct)
            ?? throw ProblemException.NotFound("Obligation", obligationId);
        var facts = await FactsReader.ReadAsync(db, row.IncidentId, ct) ?? throw ProblemException.NotFound("Incident", row.IncidentId);
        var obligation = engine.Compute(facts, clock.GetUtcNow()).FirstOrDefault(o => o.Id == obligationId)
            ?? throw ProblemException.NotFound("Obligation", obligationId);
        return Build(obligation, facts);
    }

    public Draft Build(Obligation obligation, IncidentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(facts);
        var file = rules.Files.First(f => f.FileName == obligation.RuleFile);
        var rule = file.Obligations.First(r => r.Id == obligation.RuleId);
        var language = obligation.Language;
        var zone = rules.Zone(obligation.TimeZone);
        var fields = rule.Content.Select(item =>
        {
            var name = item.Names.GetValueOrDefault(language) ?? item.Name;
            var value = item.Fill is { } fill ? Value(fill, obligation, facts, language, zone) : null;
            return new DraftField(name, value, value is null);
        }).ToList();
        if (fields.Count == 0)
        {
            fields.Add(new DraftField(language == "ja" ? "内容" : language == "fr" ? "Contenu" : "Content", null, true));
        }

        return new Draft(obligation.Id, obligation.Jurisdiction, obligation.Authority, obligation.Kind, language,
            DraftVocabulary.Title(obligation.Kind, language), obligation.DueAt, obligation.DueAtLocal, obligation.Rule, fields);
    }

    private string? Value(string fill, Obligation obligation, IncidentFacts facts, string language, TimeZoneInfo zone)
    {
        var assessment = facts.Assessments.GetValueOrDefault(obligation.Jurisdiction);
        var value = fill switch
        {
            DraftFacts.Title => facts.Title,
            DraftFacts.Summary => facts.Summary,
            DraftFacts.Cause => DraftVocabulary.Cause(facts.Cause, language),
            DraftFacts.DataCategories => string.Join(DraftVocabulary.Separator(language), facts.DataCategories.Select(c => DraftVocabulary.Category(c, language))),
            DraftFacts.Occurred => Occurred(facts, zone),
            DraftFacts.DiscoveredAt => Time(facts.DiscoveredAt, zone),
            DraftFacts.AwareAt => facts.AwareAt is { } aware ? Time(aware, zone) : null,
            DraftFacts.DeterminedAt => facts.DeterminedAt is { } determined ? Time(determined, zone) : null,
            DraftFacts.AffectedCount => obligation.Affected > 0 ? obligation.Affected.ToString("N0", CultureInfo.InvariantCulture) : null,
            DraftFacts.ContactPoint => options.Value.ContactPoint,
            DraftFacts.Organisation => options.Value.OrganisationName,
            DraftFacts.AssessmentHarm => assessment?.Harm,
            DraftFacts.AssessmentRationale => assessment?.Rationale,
            DraftFacts.AssessmentCompletedAt => assessment is null ? null : Time(assessment.CompletedAt, zone),
            DraftFacts.Deadline => obligation.DueAtLocal,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static string? Occurred(IncidentFacts facts, TimeZoneInfo zone) => (facts.OccurredFrom, facts.OccurredTo) switch
    {
        ({ } from, { } to) => $"{Time(from, zone)} – {Time(to, zone)}",
        ({ } from, null) => $"{Time(from, zone)} –",
        (null, { } to) => $"– {Time(to, zone)}",
        _ => null,
    };

    private static string Time(DateTimeOffset instant, TimeZoneInfo zone) => Deadline.Local(instant, zone).Replace('T', ' ');
}
