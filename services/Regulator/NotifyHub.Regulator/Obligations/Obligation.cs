using System.Text.Json.Serialization;

namespace NotifyHub.Regulator.Obligations;

/// <summary>One obligation of an incident as the API shows it; the ignored members let drafts find their rule.</summary>
public sealed record Obligation(
    Guid Id,
    string Jurisdiction,
    string Authority,
    string Kind,
    string Status,
    DateTimeOffset? DueAt,
    string? DueAtLocal,
    string TimeZone,
    string Clock,
    string Rule,
    string? Reason,
    long Affected)
{
    /// <summary>Notice templates that state what the rule forbids (Massachusetts); empty for every other rule.</summary>
    public IReadOnlyList<Letters.NoticeWarning> Warnings { get; init; } = [];

    [JsonIgnore]
    public string Language { get; init; } = "en";

    [JsonIgnore]
    public string RuleFile { get; init; } = "";

    [JsonIgnore]
    public string RuleId { get; init; } = "";

    [JsonIgnore]
    public Guid IncidentId { get; init; }
}

public static class ObligationStatuses
{
    public const string Due = "due";
    public const string NeedsAssessment = "needs-assessment";
    public const string NotRequired = "not-required";
    public const string Filed = "filed";
    public const string Overdue = "overdue";
}
