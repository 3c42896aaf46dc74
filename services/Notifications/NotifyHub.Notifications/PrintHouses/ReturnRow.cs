using System.Globalization;
using System.Text.RegularExpressions;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// One row of a print house's return file: <c>batch_id,letter_id,status,date,reason</c>, where status is
/// <c>posted</c> (with its date, <c>yyyy-MM-dd</c>) or <c>returned</c> (with a reason such as <c>addressee unknown</c>).
/// </summary>
public sealed partial record ReturnRow(int Line, Guid BatchId, Guid LetterId, bool Posted, DateOnly? Date, string? Reason)
{
    public const string Header = "batch_id,letter_id,status,date,reason";

    /// <summary>The row, or the code of what is wrong with it (never the row's content: it is logged).</summary>
    public static (ReturnRow? Row, string? Error) Parse(int line, string text)
    {
        var cells = text.Split(',');
        if (cells.Length is < 3 or > 5)
        {
            return (null, "wrong_column_count");
        }

        if (!Guid.TryParse(cells[0].Trim(), out var batchId))
        {
            return (null, "bad_batch_id");
        }

        if (!Guid.TryParse(cells[1].Trim(), out var letterId))
        {
            return (null, "bad_letter_id");
        }

        var date = cells.Length > 3 ? cells[3].Trim() : "";
        var reason = cells.Length > 4 ? cells[4].Trim() : "";
        switch (cells[2].Trim().ToLowerInvariant())
        {
            case "posted":
                return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var posted)
                    ? (new ReturnRow(line, batchId, letterId, true, posted, null), null)
                    : (null, "bad_or_missing_date");
            case "returned":
                // A short code-like reason only: free text could carry a name or an address, and the reason is stored.
                return ReasonShape().IsMatch(reason)
                    ? (new ReturnRow(line, batchId, letterId, false, null, reason.ToLowerInvariant().Replace(' ', '_')), null)
                    : (null, "bad_or_missing_reason");
            default:
                return (null, "unknown_status");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z _-]{0,59}$")]
    private static partial Regex ReasonShape();
}
