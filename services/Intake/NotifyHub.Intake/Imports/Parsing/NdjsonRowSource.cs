using System.Text.Json;

namespace NotifyHub.Intake.Imports.Parsing;

/// <summary>
/// Newline-delimited JSON: one object per line with the CSV column names as properties (any case). Values may be
/// strings, numbers or, for <c>data_categories</c>, an array of codes. A line that is not a JSON object is rejected.
/// </summary>
internal sealed class NdjsonRowSource(CharBuffer buffer) : RowSource
{
    /// <summary>Distinct unknown keys reported at most; past it they are still dropped, silently (memory stays bounded).</summary>
    private const int MaxUnknownKeys = 1000;

    private readonly HashSet<string> _unknown = new(StringComparer.OrdinalIgnoreCase);
    private long _line;

    public override void Open()
    {
        if (buffer.Ensure() && buffer[buffer.Position] == '\uFEFF')
        {
            buffer.Position++;
        }

        var start = buffer.Position;
        while (buffer.Ensure() && char.IsWhiteSpace(buffer[buffer.Position]))
        {
            buffer.Position++;
        }

        if (!buffer.Ensure())
        {
            throw new ImportFileException("empty_file", "The file is empty: send one JSON object per line, one per person.");
        }

        if (buffer[buffer.Position] != '{')
        {
            throw new ImportFileException("not_ndjson", "The file does not start with a JSON object: send one JSON object per line.");
        }

        buffer.Position = start;
    }

    public override RawRow? Read()
    {
        while (true)
        {
            if (!buffer.Ensure())
            {
                return null;
            }

            _line++;
            buffer.Mark = buffer.Position;
            var tooLong = false;
            while (buffer.Ensure() && buffer[buffer.Position] != '\n')
            {
                buffer.Position++;
                if (buffer.Held > MaxRecordLength)
                {
                    tooLong = true;
                    buffer.Mark = buffer.Position;
                }
            }

            var line = buffer.Slice(buffer.Mark, buffer.Position - buffer.Mark).TrimEnd('\r');
            if (buffer.Ensure())
            {
                buffer.Position++;
            }

            if (tooLong)
            {
                buffer.Shrink();
                return Reject(IssueCodes.RowTooLong, $"The line is longer than {MaxRecordLength} characters.");
            }

            if (line.IsWhiteSpace())
            {
                continue;
            }

            var row = Parse(line);
            buffer.Shrink();
            return row;
        }
    }

    private RawRow Parse(ReadOnlySpan<char> line)
    {
        if (line.Contains(CharBuffer.Invalid))
        {
            return Reject(IssueCodes.InvalidEncoding, "The line has bytes that are not valid in the declared encoding; check ?encoding=.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.ToString());
        }
        catch (JsonException)
        {
            return Reject(IssueCodes.InvalidJson, "The line is not valid JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Reject(IssueCodes.InvalidJson, "The line is not a JSON object.");
            }

            var values = new string?[ImportColumns.Count];
            var position = 0;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                position++;
                var value = Value(property.Value);
                if (!ImportColumns.TryParse(property.Name, out var column))
                {
                    // Reported by position, never by name: a key may be a person's email or a spreadsheet formula.
                    if (_unknown.Count < MaxUnknownKeys && _unknown.Add(property.Name))
                    {
                        FileWarnings.Add(new RowIssue(_line, $"field {position}", IssueCodes.UnknownColumn,
                            $"Unknown field (field {position} of the object) dropped (not kept by NotifyHub)."));
                    }

                    continue;
                }

                if (value is null)
                {
                    continue;
                }

                if (value.Length > MaxFieldLength)
                {
                    return new RawRow(_line, [], TooLong(_line, column.Name()));
                }

                if (CheckCharacters(_line, column.Name(), value) is { } bad)
                {
                    return new RawRow(_line, [], bad);
                }

                values[(int)column] = value;
            }

            return new RawRow(_line, values, null);
        }
    }

    private static string? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => string.Join(';', value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
        _ => value.GetRawText(),
    };

    private RawRow Reject(string code, string message) => new(_line, [], new RowIssue(_line, "", code, message));
}
