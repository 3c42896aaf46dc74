using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Host;

/// <summary>
/// The services of a NotifyHub process without its web server, for CLI verbs: same settings, same
/// databases (migrated first), so a verb behaves exactly like the server would.
/// </summary>
public static class CliHost
{
    public static async Task<WebApplication> StartAsync(CancellationToken cancellationToken)
    {
        var app = NotifyHubApp.Build([]);
        foreach (var migrator in app.Services.GetServices<IHostedService>().OfType<DatabaseMigrator>())
        {
            await migrator.StartAsync(cancellationToken);
        }

        return app;
    }
}
