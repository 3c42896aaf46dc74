using NotifyHub.Host;

// `notifyhub <verb> …` runs a CLI command; anything else serves HTTP with the configured modules.
if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(args);
}

var app = NotifyHubApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>Public so integration tests can boot it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
