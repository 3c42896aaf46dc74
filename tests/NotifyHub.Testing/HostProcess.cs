using System.Diagnostics;
using System.Text;

namespace NotifyHub.Testing;

/// <summary>
/// A real <c>notifyhub</c> process (the same binary users run) on a free loopback port, its output kept in
/// <see cref="Output"/> so tests can read the logs (the privacy canary scans them).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private readonly string _assembly;
    private readonly string _readyPath;

    /// <param name="assembly">The program to run: the host by default, or e.g. <see cref="RepositoryPaths.GatewayDll"/>.</param>
    /// <param name="readyPath">What answers 200 once it is ready to serve.</param>
    /// <param name="urlsVariable">The environment variable that gives the address (<c>ASPNETCORE_URLS</c> works too).</param>
    public HostProcess(string name, IDictionary<string, string> environment, string? assembly = null, string readyPath = "health/ready",
        string urlsVariable = "Urls")
    {
        Name = name;
        _assembly = assembly ?? RepositoryPaths.HostDll;
        _readyPath = readyPath;
        Port = FreePort.Next();
        // Test hosts let admins and privacy officers sign in without an authenticator unless a test says otherwise.
        _environment = new Dictionary<string, string> { ["NotifyHub__Security__RequireTwoFactor"] = "false" };
        foreach (var (key, value) in environment)
        {
            _environment[key] = value;
        }

        _environment[urlsVariable] = BaseAddress.ToString().TrimEnd('/');
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Sets an environment variable for the next <see cref="StartAsync"/> (a restart with another setting).</summary>
    public void SetEnvironment(string key, string value) => _environment[key] = value;

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet", [_assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        ChildEnvironment.Apply(start, _environment);

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync(timeout ?? TimeSpan.FromSeconds(90));
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — the crash the outbox and inbox must survive.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Kill();
        }

        _process?.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime + timeout;
        while (TimeProvider.System.GetUtcNow().UtcDateTime < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync(new Uri(_readyPath, UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready after {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
