using System.Collections.Concurrent;
using System.Globalization;

namespace NotifyHub.Benchmarks.CallCentre;

/// <summary>Latencies per step, collected from every simulated agent, printed as p50/p99.</summary>
internal sealed class StepTimes
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _steps = new();

    public void Add(string step, TimeSpan elapsed) => _steps.GetOrAdd(step, _ => []).Add(elapsed.TotalMilliseconds);

    public int Count(string step) => _steps.TryGetValue(step, out var bag) ? bag.Count : 0;

    public void Print(string label, IReadOnlyList<string> order, TimeSpan duration)
    {
        foreach (var step in order)
        {
            var values = _steps.TryGetValue(step, out var bag) ? bag.Order().ToArray() : [];
            var p50 = values.Length > 0 ? values[values.Length / 2] : double.NaN;
            var p99 = values.Length > 0 ? values[Math.Min(values.Length - 1, (int)(values.Length * 0.99))] : double.NaN;
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label,-34} | {step,-10} | {values.Length,8} | {values.Length / duration.TotalSeconds,8:F1} | {p50,8:F1} | {p99,8:F1} |"));
        }
    }
}
