using Microsoft.Data.Sqlite;
using NotifyHub.Testing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace NotifyHub.Intake.Tests;

/// <summary>
/// Issue 16's crash: the real <c>notifyhub</c> process, every module in it, is SIGKILLed in the middle of a
/// 200,000-row import (in batches of 2,000, once at least 40 % is committed), started again on the same data, and the
/// import finishes with the counts of an uninterrupted run of the same file, each person stored once and each of the
/// batches' events handled once by each module that takes them.
/// <para>
/// On SQLite the bus is the embedded default's, in memory: the outbox keeps each row until that bus has handled its
/// message, so what the bus held when the process died is published again at the restart. On PostgreSQL the bus is
/// RabbitMQ, as at scale.
/// </para>
/// </summary>
public abstract class Resuming_after_a_crash(ITestOutputHelper output) : IAsyncLifetime
{
    protected const int Rows = 200_000;

    /// <summary>
    /// The consumers of the events every import batch publishes, by module: intake's call-centre projection
    /// (<c>AffectedPartiesImported</c>), notifications (<c>AffectedPartiesListed</c>) and the portal
    /// (<c>PortalPartiesProjected</c>). Each records the message ids it handled in its module's inbox.
    /// </summary>
    private static readonly (string Module, string Consumer)[] BatchEventConsumers =
    [
        ("intake", "NotifyHub.Intake.CallCentre.ImportedPartiesConsumer"),
        ("notifications", "NotifyHub.Notifications.Parties.AffectedPartiesListedConsumer"),
        ("portal", "NotifyHub.Portal.People.PortalPartiesProjectedConsumer"),
    ];

    private RabbitMqVirtualHost? _broker;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
    private readonly string _canary = $"Zebedee{Guid.NewGuid():N}";
    private HostProcess? _server;
    private string _officer = "";

    protected string DataDirectory => Path.Combine(_folder, "data");

    protected abstract IDictionary<string, string> DatabaseSettings { get; }

    /// <summary>Whether the bus is RabbitMQ (a vhost of the test broker) rather than the in-memory one.</summary>
    protected abstract bool OnRabbitMq { get; }

    /// <summary>A module's table, as this database names it (a schema per module, or a file per module).</summary>
    protected abstract string Table(string module, string table);

    /// <summary>A count from the database of <paramref name="module"/>.</summary>
    protected abstract Task<long> ScalarAsync(string module, string sql);

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _broker = OnRabbitMq ? await RabbitMqVirtualHost.CreateAsync() : null;
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
            var atKill = await WaitUntilMidImportAsync(client, interrupted, import, atLeast: Rows * 2 / 5);
            AssertSpoolHoldsNoClearText();
            _server!.Kill();
            output.WriteLine($"SIGKILLed with {atKill} of {Rows} rows committed");
            File.Exists(Path.Combine(DataDirectory, "imports", $"{import:N}.spool")).ShouldBeTrue("a crash leaves the spool for the restart");
        }

        await StartServerAsync();
        using var officer = await SignInAsync(_officer);
        var resumedIncident = (await ListIncidentsAsync(officer)).Single();
        var resumed = await WaitUntilFinishedAsync(officer, resumedIncident.Incident, resumedIncident.Import);
        var handledAfterResumed = await HandledBatchEventsAsync();

        var reference = await OpenIncidentAsync(officer);
        var uninterrupted = await WaitUntilFinishedAsync(officer, reference, await StartImportAsync(officer, reference, file));
        var handledAfterBoth = await HandledBatchEventsAsync();

        output.WriteLine($"resumed: {resumed}\nuninterrupted: {uninterrupted}");
        resumed.GetProperty("status").GetString().ShouldBe("completed");
        Counts(resumed).ShouldBe(Counts(uninterrupted));
        Counts(resumed).Accepted.ShouldBeGreaterThan(0);
        Counts(resumed).Updated.ShouldBeGreaterThan(0);
        Counts(resumed).Rejected.ShouldBeGreaterThan(0);
        var people = Table("intake", "affected_parties");
        var stored = await ScalarAsync("intake", $"SELECT count(*) FROM {people}");
        stored.ShouldBe(2 * Counts(resumed).Accepted, "each person stored once in each incident");
        (await ScalarAsync("intake", $"SELECT count(*) FROM (SELECT DISTINCT \"IncidentId\", \"ExternalIdIndex\" FROM {people}) AS d")).ShouldBe(stored);
        // The same file in the same batches publishes the same events: the killed and resumed import as many as the
        // uninterrupted one, none lost with the killed process and none twice (a batch written again after the kill
        // would publish its events under new message ids, which no inbox absorbs).
        for (var i = 0; i < BatchEventConsumers.Length; i++)
        {
            var (module, consumer) = BatchEventConsumers[i];
            output.WriteLine($"{consumer}: {handledAfterResumed[i]} events of the resumed import, {handledAfterBoth[i] - handledAfterResumed[i]} of the uninterrupted one");
            handledAfterResumed[i].ShouldBeGreaterThan(0, consumer);
            handledAfterResumed[i].ShouldBe(handledAfterBoth[i] - handledAfterResumed[i], $"{module}'s {consumer} handles each event of the resumed import once");
        }

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
            await WaitUntilMidImportAsync(client, incident, import, atLeast: 1);
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
            ["NotifyHub__Intake__ImportBatchSize"] = "2000",
        };
        if (_broker is not null)
        {
            environment["NotifyHub__Bus__Transport"] = "RabbitMq";
            environment["ConnectionStrings__RabbitMq"] = _broker.ConnectionString;
        }

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

    /// <summary>Waits until at least <paramref name="atLeast"/> rows are committed, with batches still to come.</summary>
    private static async Task<long> WaitUntilMidImportAsync(HttpClient client, Guid incident, Guid import, long atLeast)
    {
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"api/v1/incidents/{incident}/imports/{import}");
            status.GetProperty("status").GetString().ShouldBe("running", "the kill must happen mid-import for this test to mean anything");
            var read = status.GetProperty("rowsRead").GetInt64();
            if (read >= atLeast)
            {
                read.ShouldBeLessThan(Rows - 10_000, "the kill must happen mid-import for this test to mean anything");
                return read;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Waits until every event intake has written is handled (intake's outbox empty, the broker's queues empty on
    /// RabbitMQ, the inboxes unchanged for a second), then gives how many messages each of <see cref="BatchEventConsumers"/> handled.
    /// </summary>
    private async Task<long[]> HandledBatchEventsAsync()
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(5);
        long[] last = [];
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var handled = new long[BatchEventConsumers.Length];
            for (var i = 0; i < handled.Length; i++)
            {
                var (module, consumer) = BatchEventConsumers[i];
                handled[i] = await ScalarAsync(module, $"SELECT count(*) FROM {Table(module, "inbox_messages")} WHERE \"Consumer\" = '{consumer}'");
            }

            var unsent = await ScalarAsync("intake", $"SELECT count(*) FROM {Table("intake", "outbox_messages")}");
            if (unsent == 0 && (_broker is null || await _broker.QueuedMessagesAsync() == 0) && handled.SequenceEqual(last))
            {
                return handled;
            }

            last = handled;
            await Task.Delay(1000);
        }

        throw new TimeoutException($"the modules had not handled intake's events after 5 minutes: {string.Join(", ", last)}");
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
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
