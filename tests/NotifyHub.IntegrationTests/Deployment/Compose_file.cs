using System.Diagnostics;
using NotifyHub.Testing;

namespace NotifyHub.IntegrationTests.Deployment;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml is checked the way `docker compose up` would parse it first:
/// `docker-compose config` (Debian's docker-compose, installed by scripts/test.sh).
/// </summary>
public sealed class Compose_file
{
    private static readonly string[] Modules = ["intake", "notifications", "callcentre", "regulator", "portal", "console"];

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
        var start = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(RepositoryPaths.Root, "docker-compose.yml"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("docker-compose did not start; scripts/test.sh installs it (Debian package docker-compose).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
        return await output;
    }
}
