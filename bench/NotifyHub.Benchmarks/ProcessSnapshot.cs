using System.Globalization;

namespace NotifyHub.Benchmarks;

/// <summary>The process's garbage collections, their pause time and its CPU time since a moment: what a run cost and what its tail may owe to GC.</summary>
internal sealed record ProcessSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused, TimeSpan Cpu, DateTimeOffset At)
{
    public static ProcessSnapshot Take() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
        Environment.CpuUsage.TotalTime, TimeProvider.System.GetUtcNow());

    /// <summary>Collections, pauses and this process's CPU time since the snapshot, the CPU also per unit of work.</summary>
    public string Since(long units, string unit)
    {
        var now = Take();
        var paused = now.Paused - Paused;
        var share = paused / (now.At - At);
        var cpu = now.Cpu - Cpu;
        return string.Create(CultureInfo.InvariantCulture,
            $"GC: {now.Gen0 - Gen0} gen0, {now.Gen1 - Gen1} gen1, {now.Gen2 - Gen2} gen2 collections; paused {paused.TotalMilliseconds:0} ms ({share:P1} of the time). ")
            + string.Create(CultureInfo.InvariantCulture,
                $"CPU of this process: {cpu.TotalSeconds:0.0} s, {cpu.TotalMicroseconds / Math.Max(1, units):0} µs per {unit}");
    }
}
