namespace NotifyHub.Web.Charts;

/// <summary>
/// A horizontal stacked bar chart drawn as SVG on the server (no script), always shown with its numbers as a
/// table (<c>_StackedBarChart</c> partial), so a screen reader or a printout gets the same facts as the picture.
/// </summary>
public sealed class StackedBarChart(string id, string title, string rowHeader, IReadOnlyList<string> series,
    IReadOnlyList<ChartRow> rows)
{
    public const int Width = 640;
    public const int LabelWidth = 150;
    public const int TotalWidth = 70;
    public const int RowHeight = 36;
    public const int BarHeight = 22;

    /// <summary>Colours cycle through this many CSS classes (<c>chart-s0</c>…), chosen for contrast with white.</summary>
    public const int Palette = 6;

    public string Id { get; } = id;

    public string Title { get; } = title;

    public string RowHeader { get; } = rowHeader;

    public IReadOnlyList<string> Series { get; } = series;

    public IReadOnlyList<ChartRow> Rows { get; } = rows;

    public int Height => Math.Max(1, Rows.Count) * RowHeight + 8;

    private long Max => Math.Max(1, Rows.Count == 0 ? 0 : Rows.Max(r => r.Total));

    public static string SeriesClass(int index) => $"chart-s{index % Palette}";

    public static int RowY(int row) => row * RowHeight + 4;

    /// <summary>Each non-empty segment of <paramref name="row"/>: series index, x and width in SVG units.</summary>
    public IEnumerable<(int Series, double X, double Width)> Segments(ChartRow row)
    {
        var scale = (double)(Width - LabelWidth - TotalWidth) / Max;
        double x = LabelWidth;
        for (var i = 0; i < row.Values.Count; i++)
        {
            var width = row.Values[i] * scale;
            if (width > 0)
            {
                yield return (i, x, width);
            }

            x += width;
        }
    }
}
