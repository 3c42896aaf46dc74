namespace NotifyHub.Regulator.Drafts;

/// <summary>A ready draft of one obligation's report: every required item, filled where NotifyHub knows the answer.</summary>
public sealed record Draft(
    Guid ObligationId,
    string Jurisdiction,
    string Authority,
    string Kind,
    string Language,
    string Title,
    DateTimeOffset? DueAt,
    string? DueAtLocal,
    string Rule,
    IReadOnlyList<DraftField> Fields);

/// <summary>One item; <see cref="ToComplete"/> when the privacy officer must supply the value.</summary>
public sealed record DraftField(string Name, string? Value, bool ToComplete);
