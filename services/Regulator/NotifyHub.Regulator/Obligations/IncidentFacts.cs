namespace NotifyHub.Regulator.Obligations;

/// <summary>
/// Everything the rules look at for one incident: its clocks, cause and categories, affected counts per jurisdiction
/// (aggregates from intake, never people), the risk assessments and the filings so far.
/// </summary>
public sealed record IncidentFacts
{
    public required Guid IncidentId { get; init; }

    public string Title { get; init; } = "";

    public string Summary { get; init; } = "";

    public required string Cause { get; init; }

    public required IReadOnlyList<string> DataCategories { get; init; }

    /// <summary>Jurisdictions declared when the incident was opened (<c>JP</c>, <c>FR</c>, <c>US-TX</c>).</summary>
    public required IReadOnlyList<string> Jurisdictions { get; init; }

    public required DateTimeOffset DiscoveredAt { get; init; }

    public DateTimeOffset? AwareAt { get; init; }

    public DateTimeOffset? DeterminedAt { get; init; }

    public DateTimeOffset? OccurredFrom { get; init; }

    public DateTimeOffset? OccurredTo { get; init; }

    /// <summary>Affected people by country, and by state for the US (<c>US-TX</c>); <c>US</c> alone: state unknown.</summary>
    public IReadOnlyDictionary<string, long> Affected { get; init; } = new Dictionary<string, long>();

    /// <summary>The latest risk assessment per obligation jurisdiction (<c>EU-FR</c>, <c>JP</c>, <c>US</c> for HIPAA).</summary>
    public IReadOnlyDictionary<string, AssessmentFact> Assessments { get; init; } = new Dictionary<string, AssessmentFact>();

    /// <summary>Filed obligations: obligation id → when it was filed.</summary>
    public IReadOnlyDictionary<Guid, DateTimeOffset> Filings { get; init; } = new Dictionary<Guid, DateTimeOffset>();

    /// <summary>The incident's notice templates (latest version of each, per language), as fingerprints.</summary>
    public IReadOnlyList<Letters.NoticeTemplateFact> NoticeTemplates { get; init; } = [];

    /// <summary>Awareness is the GDPR-style clock; until it is recorded, discovery stands in for it.</summary>
    public DateTimeOffset Awareness => AwareAt ?? DiscoveredAt;
}

/// <summary>A privacy officer's conclusion for one jurisdiction.</summary>
public sealed record AssessmentFact(string Harm, DateTimeOffset CompletedAt, string Rationale);
