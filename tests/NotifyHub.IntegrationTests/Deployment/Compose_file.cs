using NotifyHub.Testing;
using System.Diagnostics;

namespace NotifyHub.IntegrationTests.Deployment;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml is checked the way `docker compose up` would parse it first:
/// `docker-compose config` (Debian's docker-compose, installed by scripts/test.sh).
/// </summary>
public sealed class Compose_file
{
    private static readonly string[] Modules = ["intake", "notifications", "callcentre", "regulator", "portal", "console"];

    /// <summary>The secrets compose insists on: no deployment runs on a default password or without a root key.</summary>
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["NOTIFYHUB_ROOT_KEY"] = Convert.ToBase64String(new byte[32]),
        ["POSTGRES_PASSWORD"] = "compose-test-postgres",
        ["RABBITMQ_PASSWORD"] = "compose-test-rabbitmq",
        ["NOTIFYHUB_ADMIN_PASSWORD"] = "Compose-Test-Admin-1",
    };

    [Theory]
    [InlineData("NOTIFYHUB_ROOT_KEY")]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("RABBITMQ_PASSWORD")]
    [InlineData("NOTIFYHUB_ADMIN_PASSWORD")]
    public async Task Refuses_to_run_without_each_secret(string missing)
    {
        var (exitCode, _, error) = await RunComposeAsync(Secrets.Where(s => s.Key != missing), "config", "-q");

        exitCode.ShouldNotBe(0);
        error.ShouldContain($"set {missing}");
    }

    [Fact]
    public async Task Holds_no_default_password()
    {
        var resolved = await ComposeAsync("config");

        resolved.ShouldNotContain("Change-me-1234");
        resolved.ShouldNotContain("Password=notifyhub");
        resolved.ShouldNotContain("notifyhub:notifyhub@");
    }

    [Fact]
    public async Task Is_valid_and_runs_every_module_behind_the_gateway_with_its_servers()
    {
        (await ComposeAsync("config", "-q")).ShouldBe("");

        var services = (await ComposeAsync("config", "--services")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        services.ShouldBe([.. Modules, "gateway", "rabbitmq", "postgres", "mailpit"], ignoreOrder: true);

        var resolved = await ComposeAsync("config");
        foreach (var module in Modules)
        {
            resolved.ShouldContain($"NotifyHub__Modules__0: {module}");
        }

        resolved.ShouldContain("gateway/notifyhub-gateway.dll");
        resolved.ShouldContain("NotifyHub__Bus__Transport: RabbitMq");
        resolved.ShouldContain("NotifyHub__Database__Provider: PostgreSql");
    }

    private static async Task<string> ComposeAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await RunComposeAsync(Secrets, arguments);
        exitCode.ShouldBe(0, error);
        return output;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunComposeAsync(
        IEnumerable<KeyValuePair<string, string>> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(RepositoryPaths.Root, "docker-compose.yml"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var name in Secrets.Keys)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("docker-compose did not start; scripts/test.sh installs it (Debian package docker-compose).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, error);
    }
}
