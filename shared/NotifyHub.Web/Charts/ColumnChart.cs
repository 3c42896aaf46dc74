namespace NotifyHub.Web.Charts;

/// <summary>
/// Stacked columns over time (one column per period, left to right), drawn as SVG on the server and always shown with
/// its numbers as a table (<c>_ColumnChart</c> partial), like <see cref="StackedBarChart"/>.
/// </summary>
public sealed class ColumnChart(string id, string title, string columnHeader, IReadOnlyList<string> series,
    IReadOnlyList<ChartRow> columns)
{
    public const int Width = 640;
    public const int PlotHeight = 160;
    public const int AxisHeight = 22;

    /// <summary>Every n-th column is labelled under the axis, so that 24 hourly labels do not overlap.</summary>
    public int LabelEvery => Math.Max(1, (int)Math.Ceiling(Columns.Count / 8.0));

    public string Id { get; } = id;

    public string Title { get; } = title;

    public string ColumnHeader { get; } = columnHeader;

    public IReadOnlyList<string> Series { get; } = series;

    public IReadOnlyList<ChartRow> Columns { get; } = columns;

    public static int Height => PlotHeight + AxisHeight;

    public double Step => (double)Width / Math.Max(1, Columns.Count);

    public double ColumnWidth => Step * 0.7;

    public double X(int column) => (column * Step) + ((Step - ColumnWidth) / 2);

    private long Max => Math.Max(1, Columns.Count == 0 ? 0 : Columns.Max(c => c.Total));

    /// <summary>Each non-empty segment of a column, bottom up: series index, y and height in SVG units.</summary>
    public IEnumerable<(int Series, double Y, double Height)> Segments(ChartRow column)
    {
        var scale = (double)PlotHeight / Max;
        double y = PlotHeight;
        for (var i = 0; i < column.Values.Count; i++)
        {
            var height = column.Values[i] * scale;
            if (height > 0)
            {
                y -= height;
                yield return (i, y, height);
            }
        }
    }
}
