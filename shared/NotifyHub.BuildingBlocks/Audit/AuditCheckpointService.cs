using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.BuildingBlocks.Audit;

/// <summary>
/// Anchors the audit chain's head outside the database every <see cref="AuditOptions.CheckpointInterval"/> (and
/// once more when the host stops), through <see cref="AuditCheckpoints"/>. A head that went backwards is logged as
/// an error and not anchored.
/// </summary>
public sealed partial class AuditCheckpointService(
    IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditCheckpointService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the last checkpoint.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await CheckpointAsync(cancellationToken);
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(cancellationToken);
        }
        catch (AuditTamperedException e)
        {
            LogTampered(logger, e.Message);
        }
        catch (ObjectDisposedException)
        {
            // The host is going away under us.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit checkpoint refused: {Reason}")]
    private static partial void LogTampered(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit checkpoint failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
