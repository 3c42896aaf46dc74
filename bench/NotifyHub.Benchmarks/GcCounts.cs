namespace NotifyHub.Benchmarks;

/// <summary>
/// The process's garbage collections so far, by generation, the time its threads were paused for them, and the bytes
/// it has allocated (all threads).
/// </summary>
internal readonly record struct GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes());

    public static GcCounts operator -(GcCounts after, GcCounts before) =>
        new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused, after.Allocated - before.Allocated);

    // Counts include the older generations' collections (a gen 2 collection is also counted as gen 0 and gen 1).
    public override string ToString() =>
        $"gen0 {Gen0}, gen1 {Gen1}, gen2 {Gen2}, paused {Paused.TotalMilliseconds:F0} ms, {Allocated / (1024.0 * 1024):F0} MiB allocated";
}
