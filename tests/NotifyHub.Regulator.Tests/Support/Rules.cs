using NotifyHub.Regulator.Obligations;
using NotifyHub.Regulator.Rules;

namespace NotifyHub.Regulator.Tests.Support;

/// <summary>The shipped rule files (copied beside the test binary), loaded once, and helpers to compute with them.</summary>
internal static class Rules
{
    public static readonly RuleBook Book = RuleBook.Load(RuleBook.DefaultDirectory);

    public static readonly ObligationEngine Engine = new(Book);

    /// <summary>An incident with only what a test sets; every clock defaults to <paramref name="aware"/>.</summary>
    public static IncidentFacts Incident(DateTimeOffset aware, string[] jurisdictions, Dictionary<string, long>? affected = null,
        string cause = "human_error", string[]? categories = null, Dictionary<string, AssessmentFact>? assessments = null,
        Dictionary<Guid, DateTimeOffset>? filings = null, DateTimeOffset? determined = null, DateTimeOffset? discovered = null) => new()
        {
            IncidentId = Guid.Parse("0196f3a2-0000-7000-8000-000000000001"),
            Title = "Dealer CRM breach",
            Summary = "Customer records copied from a vendor's CRM.",
            Cause = cause,
            DataCategories = categories ?? ["name", "contact"],
            Jurisdictions = jurisdictions,
            DiscoveredAt = discovered ?? aware,
            AwareAt = aware,
            DeterminedAt = determined ?? aware,
            Affected = affected ?? [],
            Assessments = assessments ?? [],
            Filings = filings ?? [],
        };

    public static IReadOnlyList<Obligation> Compute(IncidentFacts facts, DateTimeOffset? now = null) =>
        Engine.Compute(facts, now ?? facts.Awareness);

    public static Obligation One(this IReadOnlyList<Obligation> obligations, string jurisdiction, string kind) =>
        obligations.Single(o => o.Jurisdiction == jurisdiction && o.Kind == kind);

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
