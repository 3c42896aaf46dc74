using System.CommandLine;

namespace NotifyHub.Host;

/// <summary>The CLI verbs of the one binary. Each verb sits in its own file under <c>Cli/</c>.</summary>
public static class Cli
{
    private static readonly Func<Command>[] Verbs =
    [
        // verbs are added here as features land
        UsersCommand.Create,
        KeysCommand.Create,
        AuditCommand.Create,
        IncidentsCommand.Create,
        ImportCommand.Create,
    ];

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "help" || Verbs.Any(v => v().Name == args[0]));

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("NotifyHub: breach notification and incident call centre. Run without arguments to serve.");
        foreach (var verb in Verbs)
        {
            root.Subcommands.Add(verb());
        }

        try
        {
            return await root.Parse(args is ["help", ..] ? ["--help"] : args).InvokeAsync();
        }
        catch (CliException ex)
        {
            await System.Console.Error.WriteLineAsync($"notifyhub: {ex.Message}");
            return 1;
        }
    }
}
