using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace NotifyHub.Web.Live;

/// <summary>
/// Figures that a dashboard refreshes every few seconds but that cost more than a page may wait: counts over an
/// incident's whole population (a million people, several million notices). Each is kept in memory per key and served
/// at once; once older than its <c>maxAge</c>, one refresh per key runs in the background, in its own scope, and the
/// following requests get its result (stale-while-revalidate). Figures that take long to compute wait at least twice
/// their computing time between refreshes, so that a dashboard left open keeps the database at most a third busy. Only the first request for a key waits for the
/// computation; a key whose figures are null (say, no such incident yet) is asked again like any other. So the page answers in the time of its render, and its figures are at most about two refresh periods
/// old, which the dashboard's own polling already implies. Per process: each instance computes its own.
/// </summary>
public sealed partial class LiveFigures(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LiveFigures> logger)
{
    private readonly ConcurrentDictionary<(Type, string), Entry> _entries = new();

    public async Task<T> GetAsync<T>(string key, TimeSpan maxAge, Func<IServiceProvider, CancellationToken, Task<T>> compute,
        CancellationToken cancellationToken)
        where T : class?
    {
        ArgumentNullException.ThrowIfNull(compute);
        var entry = _entries.GetOrAdd((typeof(T), key), _ => new Entry());
        if (entry.Current is null)
        {
            await entry.First.WaitAsync(cancellationToken);
            try
            {
                entry.Current ??= await ComputeAsync(compute, cancellationToken);
            }
            finally
            {
                entry.First.Release();
            }
        }
        else if (clock.GetUtcNow() - entry.Current.At > Max(maxAge, entry.Current.Took * 2))
        {
            StartRefresh(entry, key, compute);
        }

        return (T)entry.Current.Value!;
    }

    private void StartRefresh<T>(Entry entry, string key, Func<IServiceProvider, CancellationToken, Task<T>> compute)
        where T : class?
    {
        lock (entry)
        {
            if (entry.Refresh is { IsCompleted: false })
            {
                return;
            }

            entry.Refresh = Task.Run(async () =>
            {
                try
                {
                    entry.Current = await ComputeAsync(compute, CancellationToken.None);
                }
                catch (Exception e)
                {
                    // The last figures stay shown; the next request past maxAge tries again.
                    LogRefreshFailed(logger, typeof(T).Name, key, e);
                }
            });
        }
    }

    private async Task<Snapshot> ComputeAsync<T>(Func<IServiceProvider, CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var value = await compute(scope.ServiceProvider, ct);
        return new Snapshot(value, clock.GetUtcNow(), clock.GetElapsedTime(started));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the live figures {Figures} for {Key} failed; the previous ones stay shown")]
    private static partial void LogRefreshFailed(ILogger logger, string figures, string key, Exception error);

    private sealed record Snapshot(object? Value, DateTimeOffset At, TimeSpan Took);

    private sealed class Entry
    {
        public SemaphoreSlim First { get; } = new(1, 1);

        public volatile Snapshot? Current;

        public Task? Refresh { get; set; }
    }
}
