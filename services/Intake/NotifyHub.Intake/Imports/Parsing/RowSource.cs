namespace NotifyHub.Intake.Imports.Parsing;

/// <summary>Reads an import file one record at a time, whatever its format; synchronous, on the import's own thread.</summary>
internal abstract class RowSource
{
    public const int MaxFieldLength = 4096;
    public const int MaxRecordLength = 256 * 1024;

    /// <summary>Warnings about the file as a whole (unknown columns), known once the header is read.</summary>
    public List<RowIssue> FileWarnings { get; } = [];

    /// <summary>Reads and checks what makes the file readable at all.</summary>
    /// <exception cref="ImportFileException">No header, no external_id column, empty body.</exception>
    public abstract void Open();

    /// <summary>The next record, or null at the end of the file.</summary>
    public abstract RawRow? Read();

    protected static RowIssue? CheckCharacters(long line, string column, ReadOnlySpan<char> value)
    {
        var bad = value.IndexOfAny('\0', CharBuffer.Invalid);
        if (bad < 0)
        {
            return null;
        }

        return value[bad] == '\0'
            ? new RowIssue(line, column, IssueCodes.NulByte, "The field contains a NUL byte; remove it.")
            : new RowIssue(line, column, IssueCodes.InvalidEncoding, "The field has bytes that are not valid in the declared encoding; check ?encoding=.");
    }

    protected static RowIssue TooLong(long line, string column) =>
        new(line, column, IssueCodes.FieldTooLong, $"The field is longer than {MaxFieldLength} characters.");
}

/// <summary>The file cannot be read at all: the import fails before anything is written.</summary>
public sealed class ImportFileException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
