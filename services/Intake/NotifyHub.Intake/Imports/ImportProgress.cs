using System.Collections.Concurrent;

namespace NotifyHub.Intake.Imports;

/// <summary>A running import's pace: rows per second, how much of the file is done, and the estimated time left.</summary>
public sealed record ImportPace(double RowsPerSecond, double FractionDone, double? SecondsLeft);

/// <summary>
/// The pace of the imports this process runs, measured from their own committed batches: rows committed since the
/// run (or its resumption) began over the time since, by <see cref="TimeProvider"/>. Time left comes from bytes, not
/// rows, because the file's row count is unknown until it is read to the end: the spooled plaintext bytes the
/// committed batches came from, against the file's length. Nothing is known before the first batch commits (null).
/// </summary>
public sealed class ImportProgress(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Run> _runs = new();

    public void Start(Guid importId, long totalBytes) =>
        _runs[importId] = new Run(clock.GetTimestamp(), Math.Max(0, totalBytes));

    /// <summary>A resumed import read past the rows committed before the restart: they are not this run's pace.</summary>
    public void Skipped(Guid importId, long bytes)
    {
        if (_runs.TryGetValue(importId, out var run))
        {
            lock (run)
            {
                run.SkippedBytes = bytes;
            }
        }
    }

    /// <param name="bytesThrough">Where the batch ended in the file (plaintext bytes the parser had read).</param>
    public void Committed(Guid importId, long rows, long bytesThrough)
    {
        if (_runs.TryGetValue(importId, out var run))
        {
            lock (run)
            {
                run.Rows += rows;
                run.BytesThrough = bytesThrough;
            }
        }
    }

    public void Finish(Guid importId) => _runs.TryRemove(importId, out _);

    /// <summary>Null when this process does not run the import, or no batch has committed since it (re)started.</summary>
    public ImportPace? Of(Guid importId)
    {
        if (!_runs.TryGetValue(importId, out var run))
        {
            return null;
        }

        lock (run)
        {
            var seconds = clock.GetElapsedTime(run.StartedAt).TotalSeconds;
            var bytesDone = run.BytesThrough - run.SkippedBytes;
            if (run.Rows == 0 || seconds <= 0 || bytesDone <= 0 || run.TotalBytes == 0)
            {
                return null;
            }

            var fraction = Math.Clamp((double)run.BytesThrough / run.TotalBytes, 0, 1);
            var left = Math.Max(0, run.TotalBytes - run.BytesThrough) / (bytesDone / seconds);
            return new ImportPace(run.Rows / seconds, fraction, Math.Round(left, 1));
        }
    }

    private sealed class Run(long startedAt, long totalBytes)
    {
        public long StartedAt { get; } = startedAt;

        public long TotalBytes { get; } = totalBytes;

        public long Rows { get; set; }

        public long BytesThrough { get; set; }

        public long SkippedBytes { get; set; }
    }
}
