using Microsoft.Extensions.Hosting;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Makes a graceful stop (SIGTERM, a deployment) a clean one for delivery. <see cref="Stopping"/> tells a consumer to
/// hand its unsent notifications back (see <see cref="DeliverNotificationsConsumer"/>); this service's stop then waits
/// until every consumer has recorded what it did send. The bus's own stop is no such barrier: a batch consumer can
/// still be running when it returns, and would write after the host has disposed its services.
/// </summary>
public sealed class SendsInFlight(IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly object _gate = new();
    private int _running;
    private TaskCompletionSource? _drained;

    public CancellationToken Stopping => lifetime.ApplicationStopping;

    /// <summary>Counts a consumer batch as running until the returned handle is disposed.</summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            _running++;
        }

        return new Exit(this);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for running batches, at most as long as the host's shutdown timeout allows.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_running == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task.WaitAsync(cancellationToken);
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_running == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    private sealed class Exit(SendsInFlight owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}
