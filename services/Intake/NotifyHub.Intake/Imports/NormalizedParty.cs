namespace NotifyHub.Intake.Imports;

/// <summary>A row that passed the rules: normalised values (null when absent or dropped) and its warnings.</summary>
public sealed class NormalizedParty
{
    public required long Line { get; init; }

    /// <summary>Normalised values indexed by <see cref="ImportColumn"/>; language and categories are separate.</summary>
    public required string?[] Values { get; init; }

    public required string Language { get; init; }

    public required IReadOnlyList<string> DataCategories { get; init; }

    public required IReadOnlyList<RowIssue> Warnings { get; init; }

    public string? this[ImportColumn column] => Values[(int)column];

    public bool HasEmail => this[ImportColumn.Email] is not null;

    public bool HasPhone => this[ImportColumn.Phone] is not null;

    public bool HasPostalAddress => this[ImportColumn.AddressLine1] is not null && this[ImportColumn.Country] is not null;
}
