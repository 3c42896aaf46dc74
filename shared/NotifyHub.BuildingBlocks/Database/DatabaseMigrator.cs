using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NotifyHub.BuildingBlocks.Database;

/// <summary>
/// Applies pending EF Core migrations of every registered database before the host takes traffic.
/// EF Core takes a migration lock, so several instances starting together migrate once.
/// </summary>
public sealed partial class DatabaseMigrator(IServiceProvider services, IEnumerable<MigrationTarget> targets,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var target in targets.DistinctBy(t => t.ContextType))
        {
            await using var scope = services.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(target.ContextType);
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers (health checks, status pages) run while an import writes.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            LogMigrated(logger, target.Schema);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Schema} is at the latest migration")]
    private static partial void LogMigrated(ILogger logger, string schema);
}
