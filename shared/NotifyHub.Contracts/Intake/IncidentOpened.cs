namespace NotifyHub.Contracts.Intake;

/// <summary>
/// A privacy officer opened a breach incident. Carries no personal data. The clocks at the end (added later, so
/// optional) are the regulator module's deadline starts: awareness (GDPR, Japan, Brazil…) and determination (Texas, PIPEDA).
/// </summary>
public sealed record IncidentOpened(
    Guid IncidentId,
    string Title,
    string Summary,
    DateTimeOffset DiscoveredAt,
    string Cause,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<string> Jurisdictions,
    DateTimeOffset OpenedAt,
    DateTimeOffset? AwareAt = null,
    DateTimeOffset? DeterminedAt = null,
    DateTimeOffset? OccurredFrom = null,
    DateTimeOffset? OccurredTo = null);
