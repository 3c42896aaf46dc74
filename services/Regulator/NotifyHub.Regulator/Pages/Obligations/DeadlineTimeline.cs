using NotifyHub.Regulator.Obligations;

namespace NotifyHub.Regulator.Pages.Obligations;

/// <summary>
/// The open deadlines on one time axis, drawn as SVG on the server: a bar from now to each deadline (to the left of
/// "now", in red, when it has passed). The board's table beside it holds the same facts as text.
/// </summary>
public sealed class DeadlineTimeline
{
    public const int Width = 800;
    public const int LabelWidth = 270;
    public const int RowHeight = 26;
    public const int BarHeight = 14;
    public const int Top = 22;
    private const int RightMargin = 12;

    public DeadlineTimeline(IEnumerable<Obligation> open, DateTimeOffset now)
    {
        Rows = [.. open.Where(o => o.DueAt is not null).Take(20)];
        Now = now;
        var dates = Rows.Select(o => o.DueAt!.Value).Append(now).ToList();
        Start = dates.Min();
        End = dates.Max();
        if (End - Start < TimeSpan.FromHours(1))
        {
            End = Start.AddHours(1);
        }
    }

    public IReadOnlyList<Obligation> Rows { get; }

    public DateTimeOffset Now { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public int Height => Top + Math.Max(1, Rows.Count) * RowHeight + 6;

    public double X(DateTimeOffset at) =>
        LabelWidth + (at - Start).TotalSeconds / (End - Start).TotalSeconds * (Width - LabelWidth - RightMargin);

    public static int RowY(int row) => Top + row * RowHeight + (RowHeight - BarHeight) / 2;

    /// <summary>The bar of one row: from now to the deadline, or from the passed deadline to now.</summary>
    public (double X, double Width, bool Late) Bar(Obligation obligation)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        var due = obligation.DueAt!.Value;
        var (from, to) = due < Now ? (X(due), X(Now)) : (X(Now), X(due));
        return (from, Math.Max(2, to - from), due < Now);
    }
}
