using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NotifyHub.CallCentre.Retention;

/// <summary>Runs <see cref="RetentionPurge"/> every <see cref="CallCentreOptions.RetentionSweepInterval"/>.</summary>
internal sealed partial class RetentionSweeper(
    IServiceScopeFactory scopes, IOptions<CallCentreOptions> options, TimeProvider clock, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<RetentionPurge>().PurgeDueAsync(stoppingToken);
                if (purged.Count > 0)
                {
                    LogPurged(logger, purged.Count);
                }
            }
            catch (ObjectDisposedException)
            {
                // The host failed to start (or is going away) and disposed its services under us: nothing left to do.
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call-centre data of {Count} incident(s) past retention purged")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call-centre retention sweep failed; retried at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
