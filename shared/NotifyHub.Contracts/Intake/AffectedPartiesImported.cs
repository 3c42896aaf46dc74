namespace NotifyHub.Contracts.Intake;

/// <summary>One committed batch of an import: ids and counts only, no personal data.</summary>
public sealed record AffectedPartiesImported(
    Guid IncidentId,
    Guid ImportId,
    int Count,
    IReadOnlyList<Guid> PersonIds);
