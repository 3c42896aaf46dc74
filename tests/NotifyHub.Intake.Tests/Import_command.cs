using NotifyHub.Testing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Intake.Tests;

/// <summary><c>notifyhub import</c> as a privacy officer runs it: against a running server, password on stdin.</summary>
public sealed class Import_command : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
    private HostProcess _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = new HostProcess("server", new Dictionary<string, string>
        {
            ["NotifyHub__DataDirectory"] = Path.Combine(_folder, "data"),
            ["NotifyHub__Bootstrap__AdminEmail"] = NotifyHubFactory.AdminEmail,
            ["NotifyHub__Bootstrap__AdminPassword"] = NotifyHubFactory.AdminPassword,
        });
        await _server.StartAsync();
    }

    [Fact]
    public async Task Streams_the_file_prints_the_counts_and_saves_the_error_report()
    {
        var officer = await CreatePrivacyOfficerAsync();
        var incident = await OpenIncidentAsync(officer);
        var file = Path.Combine(_folder, "people.csv");
        await File.WriteAllTextAsync(file,
            "External_ID,Given_Name,family_name,email,phone,country\n" +
            "A-1,Ama,Mensah,ama@example.test,,GH\n" +
            "A-2,Kofi,Boateng,,+233 24 123 4567,GH\n" +
            "A-3,,,nobody@example.test,,GH\n");

        var result = await NotifyHubCli.RunAsync(Path.Combine(_folder, "cli-data"), StaffAccounts.Password,
            "import", "--server", _server.BaseAddress.ToString(), "--incident", incident.ToString(), "--email", officer, file);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("3 rows read, 2 accepted, 0 updated, 1 rejected");
        var report = result.Output.Split('\n').Single(l => l.StartsWith("Error report: ", StringComparison.Ordinal))["Error report: ".Length..].Trim();
        var lines = await File.ReadAllLinesAsync(report);
        lines[0].ShouldBe("line,column,code,message");
        lines.ShouldContain(l => l.StartsWith("4,", StringComparison.Ordinal) && l.Contains("missing_name", StringComparison.Ordinal));
        string.Join('\n', lines).ShouldNotContain("nobody@example.test");
    }

    [Fact]
    public async Task Without_credentials_it_says_so_in_one_line()
    {
        var file = Path.Combine(_folder, "empty.csv");
        await File.WriteAllTextAsync(file, "external_id\n");

        var result = await NotifyHubCli.RunAsync(Path.Combine(_folder, "cli-data"), null,
            "import", "--server", _server.BaseAddress.ToString(), "--incident", Guid.NewGuid().ToString(), file);

        result.ExitCode.ShouldBe(1);
        result.Error.Trim().ShouldStartWith("notifyhub: no credentials");
    }

    /// <summary>Imports are a privacy officer's job, not the admin's: the bootstrap admin creates one.</summary>
    private async Task<string> CreatePrivacyOfficerAsync()
    {
        using var admin = await SignInAsync(NotifyHubFactory.AdminEmail, NotifyHubFactory.AdminPassword);
        var email = $"po-{Guid.NewGuid():N}@notifyhub.test";
        (await admin.PostAsJsonAsync("api/v1/staff", new { email, password = StaffAccounts.Password, roles = new[] { "PrivacyOfficer" } }))
            .EnsureSuccessStatusCode();
        return email;
    }

    private async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = _server.CreateClient();
        var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<Guid> OpenIncidentAsync(string officer)
    {
        using var client = await SignInAsync(officer, StaffAccounts.Password);
        var opened = await client.PostAsJsonAsync("api/v1/incidents", new
        {
            title = "CLI import", summary = "Through the command line.", discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1),
            cause = "human_error", dataCategories = new[] { "name", "contact" }, jurisdictions = new[] { "GH" },
        });
        opened.EnsureSuccessStatusCode();
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
