using System.Net;
using System.Text.Json;
using NotifyHub.Testing;

namespace NotifyHub.Host.Tests;

public sealed class Health_checks
{
    [Fact]
    public async Task Ready_lists_the_database_the_bus_and_each_module()
    {
        await using var factory = new NotifyHubFactory();
        using var client = factory.CreateClient();

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
        await using var factory = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:Modules:0"] = "regulator" });
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));

        body.ShouldContain("module:regulator");
        body.ShouldNotContain("module:intake");
        (await client.PostAsync(new Uri("/api/v1/incidents", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
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

    [Fact]
    public async Task Live_answers_without_touching_dependencies()
    {
        await using var factory = new NotifyHubFactory();
        using var client = factory.CreateClient();

        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
