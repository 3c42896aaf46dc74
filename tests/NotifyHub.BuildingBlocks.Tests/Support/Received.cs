using System.Collections.Concurrent;

namespace NotifyHub.BuildingBlocks.Tests.Support;

/// <summary>What the bus delivered, and a way to wait until a given number of messages has arrived.</summary>
public sealed class Received
{
    private readonly ConcurrentDictionary<int, int> _numbers = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyCollection<int> Numbers => [.. _numbers.Keys];

    public int TimesReceived(int number) => _numbers.GetValueOrDefault(number);

    public void Add(int number)
    {
        _numbers.AddOrUpdate(number, 1, (_, n) => n + 1);
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => _numbers.Count >= w.Count))
            {
                waiter.Done.TrySetResult();
            }
        }
    }

    /// <summary>Completes when <paramref name="count"/> distinct numbers have arrived; the timeout only stops a hang.</summary>
    public Task WhenCountAsync(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_numbers.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }
}
