using System.Diagnostics;

namespace NotifyHub.Testing;

/// <summary>
/// Runs the built <c>notifyhub</c> binary to its exit, the way an operator does, against <c>dataDirectory</c>:
/// CLI verbs, or the server itself when it is expected to refuse to start.
/// </summary>
public static class NotifyHubCli
{
    public static Task<Result> RunAsync(string dataDirectory, string? standardInput, params string[] arguments) =>
        RunAsync(dataDirectory, standardInput, new Dictionary<string, string>(), arguments);

    public static async Task<Result> RunAsync(
        string dataDirectory, string? standardInput, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.HostDll, .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        ChildEnvironment.Apply(start, environment.Prepend(new("NotifyHub__DataDirectory", dataDirectory)));

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"notifyhub {string.Join(' ', arguments)} did not exit within 2 minutes:\n{await output}\n{await error}");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    public sealed record Result(int ExitCode, string Output, string Error);
}
