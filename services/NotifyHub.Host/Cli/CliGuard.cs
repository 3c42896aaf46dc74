using NotifyHub.Privacy.Keys;

namespace NotifyHub.Host;

/// <summary>
/// Runs a verb's action and turns the failures an operator can act on into one line on stderr with exit code 1,
/// because System.CommandLine's default handler would otherwise print a stack trace before <c>Cli.RunAsync</c> sees it.
/// </summary>
public static class CliGuard
{
    public static Task<int> Run(Func<Task> action) => Run(async () =>
    {
        await action();
        return 0;
    });

    public static async Task<int> Run(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (Describe(e) is { } line)
        {
            await System.Console.Error.WriteLineAsync($"notifyhub: {line}");
            return 1;
        }
    }

    private static string? Describe(Exception e) => e switch
    {
        CliException cli => cli.Message,
        HttpRequestException http => $"cannot reach the server: {http.Message}",
        RootKeyUnavailableException rootKey => rootKey.Message,
        _ => StartupFailure.Describe(e),
    };
}
