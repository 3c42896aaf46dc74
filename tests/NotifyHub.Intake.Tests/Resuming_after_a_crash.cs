using Microsoft.Data.Sqlite;
using NotifyHub.Testing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace NotifyHub.Intake.Tests;

/// <summary>
/// Issue 16's crash: the real <c>notifyhub</c> process is SIGKILLed in the middle of an import, started again on the
/// same data, and the import finishes with the counts of an uninterrupted run of the same file, each person stored
/// once. 20,000 rows in batches of 500: enough batches that the kill lands mid-import with batches on both sides of
/// it, small enough to keep CI minutes down (the 200,000 rows exercise nothing more: resuming depends on
/// batch boundaries, not on the file's size).
/// </summary>
public abstract class Resuming_after_a_crash(ITestOutputHelper output) : IAsyncLifetime
{
    protected const int Rows = 20_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
    private readonly string _canary = $"Zebedee{Guid.NewGuid():N}";
    private HostProcess? _server;
    private string _officer = "";

    protected string DataDirectory => Path.Combine(_folder, "data");

    protected abstract IDictionary<string, string> DatabaseSettings { get; }

    /// <summary>The table of intake's people, as this database names it.</summary>
    protected abstract string PeopleTable { get; }

    protected abstract Task<long> ScalarAsync(string sql);

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await StartServerAsync();
        _officer = await CreatePrivacyOfficerAsync();
    }

    [Fact]
    public async Task A_killed_import_resumes_and_ends_with_the_counts_of_an_uninterrupted_run()
    {
        var file = Encoding.UTF8.GetBytes(Csv());
        using (var client = await SignInAsync(_officer))
        {
            var interrupted = await OpenIncidentAsync(client);
            var import = await StartImportAsync(client, interrupted, file);
            var atKill = await WaitUntilMidImportAsync(client, interrupted, import);
            AssertSpoolHoldsNoClearText();
            _server!.Kill();
            output.WriteLine($"SIGKILLed with {atKill} of {Rows} rows committed");
            File.Exists(Path.Combine(DataDirectory, "imports", $"{import:N}.spool")).ShouldBeTrue("a crash leaves the spool for the restart");
        }

        await StartServerAsync();
        using var officer = await SignInAsync(_officer);
        var resumedIncident = (await ListIncidentsAsync(officer)).Single();
        var resumed = await WaitUntilFinishedAsync(officer, resumedIncident.Incident, resumedIncident.Import);

        var reference = await OpenIncidentAsync(officer);
        var uninterrupted = await WaitUntilFinishedAsync(officer, reference, await StartImportAsync(officer, reference, file));

        output.WriteLine($"resumed: {resumed}\nuninterrupted: {uninterrupted}");
        resumed.GetProperty("status").GetString().ShouldBe("completed");
        Counts(resumed).ShouldBe(Counts(uninterrupted));
        Counts(resumed).Accepted.ShouldBeGreaterThan(0);
        Counts(resumed).Updated.ShouldBeGreaterThan(0);
        Counts(resumed).Rejected.ShouldBeGreaterThan(0);
        var stored = await ScalarAsync($"SELECT count(*) FROM {PeopleTable}");
        stored.ShouldBe(2 * Counts(resumed).Accepted, "each person stored once in each incident");
        (await ScalarAsync($"SELECT count(*) FROM (SELECT DISTINCT \"IncidentId\", \"ExternalIdIndex\" FROM {PeopleTable}) AS d")).ShouldBe(stored);
        // The spool is destroyed just after the import is marked completed, so the last one may linger a moment.
        await Eventually.TrueAsync(
            () => Task.FromResult(!Directory.EnumerateFiles(Path.Combine(DataDirectory, "imports")).Any()),
            TimeSpan.FromSeconds(10), "a finished import's spool is destroyed");
    }

    [Fact]
    public async Task An_import_whose_spool_is_gone_fails_at_start_with_a_reason()
    {
        using (var client = await SignInAsync(_officer))
        {
            var incident = await OpenIncidentAsync(client);
            var import = await StartImportAsync(client, incident, Encoding.UTF8.GetBytes(Csv()));
            await WaitUntilMidImportAsync(client, incident, import);
            _server!.Kill();
            File.Delete(Path.Combine(DataDirectory, "imports", $"{import:N}.spool"));
        }

        await StartServerAsync();
        using var officer = await SignInAsync(_officer);
        var (incidentId, importId) = (await ListIncidentsAsync(officer)).Single();
        var status = await officer.GetFromJsonAsync<JsonElement>($"api/v1/incidents/{incidentId}/imports/{importId}");
        status.GetProperty("status").GetString().ShouldBe("failed", "marked at start, before the server takes requests");
        status.GetProperty("failure").GetString().ShouldBe("interrupted by a restart and cannot resume: the spooled file is gone");
    }

    /// <summary>A new person per row, with updates of earlier people (in and across batches) and rejected rows.</summary>
    private string Csv()
    {
        var csv = new StringBuilder("external_id,given_name,family_name,email,phone,country\n");
        csv.Append(CultureInfoInvariant($"C-1,{_canary},Canary,{_canary.ToLowerInvariant()}@example.test,,GB\n"));
        for (var i = 2; i <= Rows; i++)
        {
            if (i % 37 == 0)
            {
                csv.Append(CultureInfoInvariant($"R-{i},,,rejected{i}@example.test,,GB\n"));
            }
            else if (i % 20 == 0)
            {
                csv.Append(CultureInfoInvariant($"P-{i - 350},Given{i},Moved{i},p{i - 350}@example.test,,FR\n"));
            }
            else
            {
                csv.Append(CultureInfoInvariant($"P-{i},Given{i},Family{i},p{i}@example.test,,GB\n"));
            }
        }

        return csv.ToString();
    }

    private static string CultureInfoInvariant(FormattableString value) => FormattableString.Invariant(value);

    /// <summary>Read while the import runs: the file on disk is ciphertext only.</summary>
    private void AssertSpoolHoldsNoClearText()
    {
        var spools = Directory.GetFiles(Path.Combine(DataDirectory, "imports"), "*.spool");
        spools.Length.ShouldBe(1);
        var bytes = File.ReadAllBytes(spools[0]);
        bytes.Length.ShouldBeGreaterThan(Rows * 20, "the whole file is spooled");
        foreach (var canary in new[] { _canary, _canary.ToLowerInvariant() + "@example.test", "@example.test", "external_id" })
        {
            bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)).ShouldBe(-1, $"the spool holds '{canary}' in clear");
        }
    }

    private static (long Accepted, long Updated, long Rejected, long RowsRead) Counts(JsonElement status) =>
        (status.GetProperty("accepted").GetInt64(), status.GetProperty("updated").GetInt64(), status.GetProperty("rejected").GetInt64(),
            status.GetProperty("rowsRead").GetInt64());

    private async Task StartServerAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["NotifyHub__DataDirectory"] = DataDirectory,
            ["NotifyHub__Bootstrap__AdminEmail"] = NotifyHubFactory.AdminEmail,
            ["NotifyHub__Bootstrap__AdminPassword"] = NotifyHubFactory.AdminPassword,
            ["NotifyHub__Intake__ImportBatchSize"] = "500",
        };
        foreach (var (key, value) in DatabaseSettings)
        {
            environment[key] = value;
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _server = new HostProcess("server", environment);
        await _server.StartAsync();
    }

    private static async Task<long> WaitUntilMidImportAsync(HttpClient client, Guid incident, Guid import)
    {
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"api/v1/incidents/{incident}/imports/{import}");
            status.GetProperty("status").GetString().ShouldBe("running", "the kill must happen mid-import for this test to mean anything");
            var read = status.GetProperty("rowsRead").GetInt64();
            if (read >= 1_000)
            {
                read.ShouldBeLessThan(Rows - 2_000, "the kill must happen mid-import for this test to mean anything");
                return read;
            }

            await Task.Delay(20);
        }
    }

    private static async Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, Guid incident, Guid import)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(5);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"api/v1/incidents/{incident}/imports/{import}");
            if (status.GetProperty("status").GetString() != "running")
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"import {import} still running after 5 minutes");
    }

    private static async Task<Guid> StartImportAsync(HttpClient client, Guid incident, byte[] file)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var started = await client.PostAsync(new Uri($"api/v1/incidents/{incident}/imports", UriKind.Relative), content);
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
    }

    private static async Task<List<(Guid Incident, Guid Import)>> ListIncidentsAsync(HttpClient client)
    {
        var incidents = await client.GetFromJsonAsync<JsonElement>("api/v1/incidents");
        var found = new List<(Guid, Guid)>();
        foreach (var incident in incidents.GetProperty("items").EnumerateArray())
        {
            var id = incident.GetProperty("id").GetGuid();
            var imports = await client.GetFromJsonAsync<JsonElement>($"api/v1/incidents/{id}/imports");
            found.AddRange(imports.GetProperty("items").EnumerateArray().Select(i => (id, i.GetProperty("id").GetGuid())));
        }

        return found;
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

    private async Task<HttpClient> SignInAsync(string email, string? password = null)
    {
        var client = _server!.CreateClient();
        var login = await client.PostAsJsonAsync("api/v1/auth/login", new { email, password = password ?? StaffAccounts.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<Guid> OpenIncidentAsync(HttpClient client)
    {
        var opened = await client.PostAsJsonAsync("api/v1/incidents", new
        {
            title = "Crash mid-import", summary = "The server is killed while it imports.", discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1),
            cause = "human_error", dataCategories = new[] { "name", "contact" }, jurisdictions = new[] { "GB", "FR" },
        });
        opened.EnsureSuccessStatusCode();
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public virtual async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
