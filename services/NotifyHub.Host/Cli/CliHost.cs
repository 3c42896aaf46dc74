using Microsoft.Extensions.Logging.Console;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.PrivacyStore;

namespace NotifyHub.Host;

/// <summary>
/// The services of a NotifyHub process without its web server, for CLI verbs: same settings, same
/// databases (migrated first), so a verb behaves exactly like the server would.
/// </summary>
public static class CliHost
{
    public static async Task<WebApplication> StartAsync(CancellationToken cancellationToken)
    {
        var app = NotifyHubApp.Build([], builder =>
        {
            // Standard output is the verb's answer (scripts read it); logs go to stderr, and only what needs attention.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            // Provider-specific rules win over appsettings' Logging:LogLevel, which is meant for the server.
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
            builder.Logging.AddFilter<ConsoleLoggerProvider>("MassTransit", LogLevel.Error);
        });

        // The same start-up checks as the server, without the web server or the bus: migrations, then the root key.
        var hosted = app.Services.GetServices<IHostedService>().ToList();
        foreach (var startupCheck in hosted.OfType<DatabaseMigrator>().Cast<IHostedService>().Concat(hosted.OfType<RootKeyCheck>()))
        {
            await startupCheck.StartAsync(cancellationToken);
        }

        return app;
    }
}
