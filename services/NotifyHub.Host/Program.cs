using NotifyHub.Host;

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
