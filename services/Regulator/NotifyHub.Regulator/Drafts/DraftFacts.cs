namespace NotifyHub.Regulator.Drafts;

/// <summary>The facts a rule file's report content may be filled from (<c>fill:</c>); anything else is left to complete.</summary>
public static class DraftFacts
{
    public const string Title = "incident.title";
    public const string Summary = "incident.summary";
    public const string Cause = "incident.cause";
    public const string DataCategories = "incident.dataCategories";
    public const string Occurred = "incident.occurred";
    public const string DiscoveredAt = "incident.discoveredAt";
    public const string AwareAt = "incident.awareAt";
    public const string DeterminedAt = "incident.determinedAt";
    public const string AffectedCount = "affected.count";
    public const string ContactPoint = "contact.point";
    public const string Organisation = "organisation.name";
    public const string AssessmentHarm = "assessment.harm";
    public const string AssessmentRationale = "assessment.rationale";
    public const string AssessmentCompletedAt = "assessment.completedAt";
    public const string Deadline = "obligation.dueAt";

    public static IReadOnlyList<string> All { get; } =
    [
        Title, Summary, Cause, DataCategories, Occurred, DiscoveredAt, AwareAt, DeterminedAt, AffectedCount, ContactPoint,
        Organisation, AssessmentHarm, AssessmentRationale, AssessmentCompletedAt, Deadline,
    ];

    public static bool IsKnown(string fill) => All.Contains(fill, StringComparer.Ordinal);
}
