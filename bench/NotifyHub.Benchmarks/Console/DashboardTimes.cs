using System.Globalization;

namespace NotifyHub.Benchmarks.Console;

/// <summary>Per request of the dashboard: client time and database-command time, printed as p50/p95/p99.</summary>
internal sealed class DashboardTimes
{
    private readonly Dictionary<string, (List<double> Ms, List<double> SqlMs)> _parts = [];

    public void Add(string part, double ms, double sqlMs)
    {
        if (!_parts.TryGetValue(part, out var lists))
        {
            _parts[part] = lists = ([], []);
        }

        lists.Ms.Add(ms);
        lists.SqlMs.Add(sqlMs);
    }

    public void Print(int loads)
    {
        System.Console.WriteLine();
        System.Console.WriteLine($"{loads} loads, one after another; ms at p50 / p95 / p99");
        System.Console.WriteLine($"| {"request",-28} | {"rendered p50",12} | {"p95",8} | {"p99",8} | {"queries p50",12} | {"p95",8} | {"p99",8} |");
        foreach (var (part, (ms, sqlMs)) in _parts)
        {
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {part,-28} | {At(ms, 0.5),12:F1} | {At(ms, 0.95),8:F1} | {At(ms, 0.99),8:F1} | {At(sqlMs, 0.5),12:F1} | {At(sqlMs, 0.95),8:F1} | {At(sqlMs, 0.99),8:F1} |"));
        }

        System.Console.WriteLine("(queries = time inside Npgsql's commands for that request, summed; the whole dashboard's sum adds fragments fetched in parallel)");
    }

    private static double At(List<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * quantile))];
    }
}
