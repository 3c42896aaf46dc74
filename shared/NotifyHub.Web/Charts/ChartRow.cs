namespace NotifyHub.Web.Charts;

/// <summary>One bar of a <see cref="StackedBarChart"/>: a label and one value per series.</summary>
public sealed record ChartRow(string Label, IReadOnlyList<long> Values)
{
    public long Total => Values.Sum();
}
