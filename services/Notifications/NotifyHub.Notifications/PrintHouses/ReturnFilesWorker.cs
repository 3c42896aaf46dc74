using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>Every <see cref="PrintHouseOptions.ReturnFilesInterval"/>, fetches and applies each active print house's return files.</summary>
public sealed partial class ReturnFilesWorker(IServiceScopeFactory scopes, IOptions<PrintHouseOptions> options, TimeProvider clock,
    ILogger<ReturnFilesWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReturnFilesInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        catch (ObjectDisposedException)
        {
            // The host failed to start (or is going away) and disposed its services under us.
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        List<PrintHouse> houses;
        await using (var scope = scopes.CreateAsyncScope())
        {
            houses = await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().PrintHouses.AsNoTracking()
                .Where(h => h.RevokedAt == null).ToListAsync(ct);
        }

        foreach (var house in houses)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReturnFiles>().FetchAsync(house, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, house.Id, e.GetType().Name, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return files of print house {PrintHouseId} not fetched: {Error}: {Message}; next interval")]
    private static partial void LogFailed(ILogger logger, Guid printHouseId, string error, string message);
}
