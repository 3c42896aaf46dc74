using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

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
            await CreateHistoryTableAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers (health checks, status pages) run while an import writes.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            LogMigrated(logger, target.Schema);
        }
    }

    /// <summary>
    /// EF Core reads the migration history before creating its table, and logs that failed read as an error on every
    /// fresh PostgreSQL database (dotnet/efcore#37328): a new operator's first start showed one error per module. The
    /// table is created first, with EF's own script, so the first start logs no error that is not one.
    /// </summary>
    private static async Task CreateHistoryTableAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        // Not history.ExistsAsync: that is the failing read itself. The script is CREATE ... IF NOT EXISTS.
        var script = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
        try
        {
            await db.Database.ExecuteSqlRawAsync(script, ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateSchema)
        {
            // Another instance starting at the same moment created it first.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Schema} is at the latest migration")]
    private static partial void LogMigrated(ILogger logger, string schema);
}
