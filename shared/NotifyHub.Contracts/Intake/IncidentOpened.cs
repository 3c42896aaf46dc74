namespace NotifyHub.Contracts.Intake;

/// <summary>A privacy officer opened a breach incident. Carries no personal data.</summary>
public sealed record IncidentOpened(
    Guid IncidentId,
    string Title,
    string Summary,
    DateTimeOffset DiscoveredAt,
    string Cause,
    IReadOnlyList<string> DataCategories,
    IReadOnlyList<string> Jurisdictions,
    DateTimeOffset OpenedAt);
