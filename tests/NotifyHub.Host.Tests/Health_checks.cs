using NotifyHub.Testing;
using System.Net;
using System.Text.Json;

namespace NotifyHub.Host.Tests;

public sealed class Health_checks
{
    [Fact]
    public async Task Ready_lists_the_database_the_bus_and_each_module_to_signed_in_staff()
    {
        await using var factory = new NotifyHubFactory();
        using var client = await StaffAccounts.AdminClientAsync(factory);

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        names.ShouldContain("masstransit-bus");
        foreach (var module in new[] { "intake", "notifications", "callcentre", "regulator", "portal", "console" })
        {
            names.ShouldContain($"module:{module}");
            names.ShouldContain($"database:{module}");
        }
    }

    [Fact]
    public async Task A_host_runs_only_the_modules_it_is_given()
    {
        // Health details are for signed-in staff, and a regulator-only host has no sign-in: the token comes from a
        // full host on the same data (tokens are readable by every instance sharing the platform database).
        var data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string token;
            await using (var full = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:DataDirectory"] = data }))
            {
                using var admin = await StaffAccounts.AdminClientAsync(full);
                token = admin.DefaultRequestHeaders.Authorization!.Parameter!;
            }

            await using var factory = new NotifyHubFactory(new Dictionary<string, string?>
            {
                ["NotifyHub:DataDirectory"] = data,
                ["NotifyHub:Modules:0"] = "regulator",
            });
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);

            var body = await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));

            body.ShouldContain("module:regulator");
            body.ShouldNotContain("module:intake");
            (await client.PostAsync(new Uri("/api/v1/incidents", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            NotifyHubFactory.DeleteDataDirectory(data);
        }
    }

    [Fact]
    public async Task An_unknown_module_stops_the_host_with_one_clear_line()
    {
        var data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));

        var result = await NotifyHubCli.RunAsync(data, null, new Dictionary<string, string> { ["NotifyHub__Modules__0"] = "billing" });

        result.ExitCode.ShouldBe(1);
        var line = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
        line.ShouldStartWith("notifyhub: cannot start: Unknown module(s) in NotifyHub:Modules: billing");
    }

    [Theory]
    [InlineData("NotifyHub__Bus__Transport", "Kafka", "Failed to convert configuration value 'Kafka' at 'NotifyHub:Bus:Transport'")]
    [InlineData("ConnectionStrings__RabbitMq", "amqp://guest:guest@127.0.0.1:1/", "ConnectionStrings:RabbitMq: cannot reach RabbitMQ at 127.0.0.1:1 after 2 s")]
    public async Task A_bad_bus_setting_stops_the_host_with_one_line_naming_it(string key, string value, string message)
    {
        var data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));

        var result = await NotifyHubCli.RunAsync(data, null, new Dictionary<string, string>
        {
            ["NotifyHub__Bus__Transport"] = "RabbitMq",
            ["NotifyHub__Bus__StartupTimeout"] = "00:00:02",
            ["ConnectionStrings__RabbitMq"] = "amqp://guest:guest@127.0.0.1:1/",
            [key] = value,
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        });

        result.ExitCode.ShouldBe(1);
        var line = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
        line.ShouldStartWith($"notifyhub: cannot start: {message}");
        StackTraceIn(result.Output).ShouldBeNull("no log entry carries a stack trace");
    }

    /// <summary>The log entry holding the first stack-trace line in <paramref name="output"/>, whole, or null.</summary>
    private static string? StackTraceIn(string output)
    {
        var lines = output.Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains("   at ", StringComparison.Ordinal));
        if (at < 0)
        {
            return null;
        }

        var start = Array.FindLastIndex(lines, at, l => l.Length > 0 && !char.IsWhiteSpace(l[0]));
        return string.Join('\n', lines[Math.Max(start, 0)..Math.Min(at + 3, lines.Length)]);
    }

    [Fact]
    public async Task Live_answers_without_touching_dependencies()
    {
        await using var factory = new NotifyHubFactory();
        using var client = factory.CreateClient();

        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
