namespace NotifyHub.Intake.Imports;

/// <summary>
/// One record as read from the file: its first line number, the kept columns' values (indexed by
/// <see cref="ImportColumn"/>), or the reason it could not be read.
/// </summary>
public sealed class RawRow(long line, string?[] values, RowIssue? error)
{
    public long Line { get; } = line;

    public string?[] Values { get; } = values;

    /// <summary>Set when the record is unreadable (quotes, encoding, NUL, length): it is rejected as it is.</summary>
    public RowIssue? Error { get; } = error;

    public string? this[ImportColumn column] => Values[(int)column];
}
