using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NotifyHub.Portal.Sessions;

namespace NotifyHub.Portal.Throttling;

/// <summary>Deletes expired sessions and failures no window counts any more, every few minutes.</summary>
public sealed partial class PortalSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PortalSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PortalThrottle>().PruneAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<PortalSessions>().PruneAsync(stoppingToken);
            }
            catch (ObjectDisposedException)
            {
                // The host failed to start (or is going away) and disposed its services under us: nothing left to do.
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The portal sweep failed; it runs again at the next interval.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
