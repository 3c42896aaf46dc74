using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.Host;

// First of all, for CLI verbs and the server alike: files this process creates are private to its user (umask 077).
PrivateDataDirectory.RestrictNewFiles();

// `notifyhub <verb> …` runs a CLI command; anything else serves HTTP with the configured modules.
if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(args);
}

try
{
    var app = NotifyHubApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } line)
{
    // A misconfiguration stops the host with one line an operator can act on, not a stack trace.
    await Console.Error.WriteLineAsync($"notifyhub: cannot start: {line}");
    return 1;
}

/// <summary>Public so integration tests can boot it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
