using System.Text;

namespace NotifyHub.Intake.Imports.Parsing;

/// <summary>
/// RFC 4180 CSV, streamed: a header row, comma-separated fields, quoted fields may hold commas, doubled quotes and
/// line breaks. A record that breaks the rules is rejected with its line number and the rest of the file goes on;
/// a quote that never closes (end of file, or a quoted field running past <see cref="RowSource.MaxFieldLength"/>
/// over several lines) rejects only its own line, and reading resumes at the next line.
/// </summary>
internal sealed class CsvRowSource(CharBuffer buffer) : RowSource
{
    private readonly List<string> _fields = new(ImportColumns.Count + 4);
    private readonly StringBuilder _quoted = new();
    private string[] _headers = [];
    private int[] _columns = [];
    private long _line = 1;

    public override void Open()
    {
        if (buffer.Ensure() && buffer[buffer.Position] == '\uFEFF')
        {
            buffer.Position++;
        }

        if (!ReadRecord(out var error, out _))
        {
            throw new ImportFileException("empty_file", "The file is empty: send a CSV file with a header row and one row per person.");
        }

        if (error is not null)
        {
            throw new ImportFileException("no_header", "The first line is not a readable CSV header row.");
        }

        _headers = [.. _fields.Select(f => f.Trim())];
        _columns = new int[_headers.Length];
        var seen = new HashSet<ImportColumn>();
        var unknown = new List<string>();
        for (var i = 0; i < _headers.Length; i++)
        {
            if (ImportColumns.TryParse(_headers[i], out var column) && seen.Add(column))
            {
                _columns[i] = (int)column;
            }
            else
            {
                _columns[i] = -1;
                // By position only: a header is text from the breached system (a formula, a person's email), and the
                // report is opened in spreadsheets and stored in the database.
                unknown.Add(Position(i));
            }
        }

        if (seen.Count == 0)
        {
            throw new ImportFileException("no_header",
                $"The first line is not a header: name the columns, e.g. {string.Join(",", Enum.GetValues<ImportColumn>().Select(c => c.Name()))}.");
        }

        if (!seen.Contains(ImportColumn.ExternalId))
        {
            throw new ImportFileException("missing_external_id_column", "The header has no external_id column: every person needs one.");
        }

        if (unknown.Count > 0)
        {
            FileWarnings.Add(new RowIssue(1, string.Join(";", unknown), IssueCodes.UnknownColumn,
                $"{unknown.Count} unknown column(s) dropped (not kept by NotifyHub)."));
        }
    }

    public override RawRow? Read()
    {
        if (!ReadRecord(out var error, out var line))
        {
            return null;
        }

        if (error is { } e)
        {
            return new RawRow(line, [], new RowIssue(line, ColumnName(e.Field), e.Code, e.Message));
        }

        if (_fields.Count != _headers.Length)
        {
            return new RawRow(line, [], new RowIssue(line, "", IssueCodes.WrongFieldCount,
                $"The row has {_fields.Count} fields; the header has {_headers.Length}."));
        }

        var values = new string?[ImportColumns.Count];
        for (var i = 0; i < _fields.Count; i++)
        {
            if (_columns[i] >= 0)
            {
                values[_columns[i]] = _fields[i];
            }
        }

        return new RawRow(line, values, null);
    }

    /// <summary>A known column by its canonical name, any other by its position: never the header's own text.</summary>
    private string ColumnName(int field) => field < 0 || field >= _columns.Length ? ""
        : _columns[field] >= 0 ? ((ImportColumn)_columns[field]).Name() : Position(field);

    private static string Position(int field) => $"column {field + 1}";

    /// <summary>Reads one record into <see cref="_fields"/>; false at the end of the file.</summary>
    private bool ReadRecord(out (string Code, string Message, int Field)? error, out long startLine)
    {
        error = null;
        _fields.Clear();
        SkipEmptyLines();
        startLine = _line;
        if (!buffer.Ensure())
        {
            return false;
        }

        buffer.Mark = buffer.Position;
        while (true)
        {
            var field = _fields.Count;
            bool endOfRecord;
            string value;
            var tooLong = false;
            if (buffer[buffer.Position] == '"')
            {
                buffer.Position++;
                var quoteLine = _line;
                var runaway = !ReadQuoted(startLine, out tooLong);
                if (!runaway)
                {
                    value = tooLong ? "" : _quoted.ToString();
                    var before = error;
                    endOfRecord = AfterQuoted(ref error, field);
                    // A quote that "closes" lines later only to be followed by text was really a stray quote that
                    // met the next one: re-read those lines as rows of their own.
                    runaway = before is null && error is not null && _line > quoteLine + (endOfRecord ? 1 : 0);
                }
                else
                {
                    value = "";
                    endOfRecord = true;
                }

                if (runaway)
                {
                    Resume(startLine);
                    error = (IssueCodes.UnbalancedQuotes, "A quoted field is never closed; the line was skipped.", field);
                    return true;
                }
            }
            else
            {
                var start = buffer.Position - buffer.Mark;
                endOfRecord = ScanUnquoted(ref error, field);
                var end = endOfRecord ? LineContentEnd() : buffer.Position - 1 - buffer.Mark;
                var length = end - start;
                tooLong = length > MaxFieldLength;
                value = tooLong || length <= 0 ? "" : new string(buffer.Slice(buffer.Mark + start, length));
                if (buffer.Held > MaxRecordLength)
                {
                    error = (IssueCodes.RowTooLong, $"The row is longer than {MaxRecordLength} characters.", -1);
                }
            }

            if (error is null && tooLong)
            {
                error = (IssueCodes.FieldTooLong, $"The field is longer than {MaxFieldLength} characters.", field);
            }
            else if (error is null && CheckCharacters(startLine, "", value) is { } bad)
            {
                error = (bad.Code, bad.Message, field);
            }

            _fields.Add(value);
            if (endOfRecord)
            {
                buffer.Shrink();
                return true;
            }

            if (!buffer.Ensure())
            {
                // A trailing comma at the end of the file: one more, empty, field.
                _fields.Add("");
                return true;
            }
        }
    }

    /// <summary>The record's content ends before the line break just consumed (or at the end of the file).</summary>
    private int LineContentEnd()
    {
        var end = buffer.Position - buffer.Mark;
        if (end > 0 && buffer[buffer.Mark + end - 1] == '\n')
        {
            end--;
        }

        if (end > 0 && buffer[buffer.Mark + end - 1] == '\r')
        {
            end--;
        }

        return end;
    }

    /// <returns>True at the end of the record (line break consumed, or end of file).</returns>
    private bool ScanUnquoted(ref (string Code, string Message, int Field)? error, int field)
    {
        while (buffer.Ensure())
        {
            var c = buffer[buffer.Position++];
            switch (c)
            {
                case ',':
                    return false;
                case '\n':
                    _line++;
                    return true;
                case '\r':
                    if (buffer.Ensure() && buffer[buffer.Position] == '\n')
                    {
                        buffer.Position++;
                    }

                    _line++;
                    return true;
                case '"':
                    error ??= (IssueCodes.UnbalancedQuotes, "A quote appears inside an unquoted field; quote the whole field and double the quote.", field);
                    break;
            }

            if (buffer.Held > MaxRecordLength)
            {
                SkipRestOfLine();
                return true;
            }
        }

        return true;
    }

    /// <returns>False when the quote never closes (runaway): the caller re-reads from the record's second line.</returns>
    private bool ReadQuoted(long startLine, out bool tooLong)
    {
        _quoted.Clear();
        tooLong = false;
        var fieldLine = _line;
        while (true)
        {
            if (!buffer.Ensure())
            {
                return false;
            }

            var c = buffer[buffer.Position++];
            if (c == '"')
            {
                if (buffer.Ensure() && buffer[buffer.Position] == '"')
                {
                    buffer.Position++;
                }
                else
                {
                    return true;
                }
            }
            else if (c == '\n')
            {
                _line++;
            }

            if (_quoted.Length < MaxFieldLength)
            {
                _quoted.Append(c);
            }
            else
            {
                tooLong = true;
                if (_line > fieldLine || buffer.Held > MaxRecordLength || _line > startLine + 1000)
                {
                    return false;
                }
            }
        }
    }

    private bool AfterQuoted(ref (string Code, string Message, int Field)? error, int field)
    {
        if (!buffer.Ensure())
        {
            return true;
        }

        switch (buffer[buffer.Position])
        {
            case ',':
                buffer.Position++;
                return false;
            case '\r' or '\n':
                SkipRestOfLine();
                return true;
            default:
                error ??= (IssueCodes.UnbalancedQuotes, "Text follows a closing quote; quote the whole field and double inner quotes.", field);
                SkipRestOfLine();
                return true;
        }
    }

    /// <summary>After a runaway quote: continue at the line after the record's first line.</summary>
    private void Resume(long startLine)
    {
        buffer.Position = buffer.Mark;
        _line = startLine;
        SkipRestOfLine();
    }

    private void SkipRestOfLine()
    {
        while (buffer.Ensure())
        {
            var c = buffer[buffer.Position++];
            if (c == '\n')
            {
                _line++;
                return;
            }

            if (c == '\r')
            {
                if (buffer.Ensure() && buffer[buffer.Position] == '\n')
                {
                    buffer.Position++;
                }

                _line++;
                return;
            }
        }
    }

    private void SkipEmptyLines()
    {
        while (buffer.Ensure() && buffer[buffer.Position] is '\r' or '\n')
        {
            if (buffer[buffer.Position++] == '\r' && buffer.Ensure() && buffer[buffer.Position] == '\n')
            {
                buffer.Position++;
            }

            _line++;
        }
    }
}
