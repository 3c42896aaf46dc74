namespace NotifyHub.Contracts.Intake;

/// <summary>
/// How many people an incident affects, per jurisdiction, after an import: the whole incident, not the import's delta.
/// Keys are ISO 3166-1 alpha-2 countries, or <c>US-XX</c> for US residents whose state is known (<c>unknown</c>: no
/// country). Aggregates only: never a person-level value. A later <see cref="CountedAt"/> replaces an earlier one.
/// </summary>
public sealed record AffectedPartiesCounted(Guid IncidentId, IReadOnlyDictionary<string, long> ByJurisdiction, DateTimeOffset CountedAt);
