using NotifyHub.Testing.Parties;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Testing.Notifications;

/// <summary>
/// An email campaign the way NotifyHub runs at scale: console and notifications as real processes on a fresh RabbitMQ
/// vhost and PostgreSQL database, SMTP to the real test server; intake's part (the incident, the projections) published
/// in process on the same broker, database and key store. People are <c>person{i}@{Marker}</c> and the sender is
/// <c>notices@{Marker}</c>, so this run's messages are the Maildir files carrying <see cref="Marker"/>.
/// Used by the crash tests and the benchmark.
/// </summary>
public sealed class EmailCampaignRun : IAsyncDisposable
{
    private NotifyHubFactory? _publisher;
    private HttpClient? _client;

    private EmailCampaignRun(int people) => People = people;

    public int People { get; }

    public string Marker { get; } = $"run{Guid.NewGuid():N}.test";

    public ServiceCluster Cluster { get; private set; } = null!;

    public Guid CampaignId { get; private set; }

    public static async Task<EmailCampaignRun> StartAsync(int people, IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = new EmailCampaignRun(people);
        try
        {
            await run.InitializeAsync(environment ?? new Dictionary<string, string>());
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    public async Task LaunchAsync() => (await _client!.PostAsync($"api/v1/campaigns/{CampaignId}/launch", null)).EnsureSuccessStatusCode();

    public Task<JsonElement> CampaignAsync() => _client!.GetFromJsonAsync<JsonElement>($"api/v1/campaigns/{CampaignId}");

    public IReadOnlyList<string> MaildirFiles() => SmtpMaildir.FilesWith(Marker);

    /// <summary>
    /// Waits until <paramref name="count"/> notifications are recorded sent (the server accepted them). Read from the
    /// database rather than the shared Maildir, which may hold many thousand files: the crash must land mid-campaign.
    /// </summary>
    public Task WaitForSentAsync(int count) =>
        Eventually.TrueAsync(async () => await Cluster.Database.ScalarAsync(
            $"SELECT count(*) FROM notifications.notifications WHERE \"CampaignId\" = '{CampaignId}' AND \"Status\" IN ('sent', 'delivered')") >= count,
            TimeSpan.FromSeconds(180));

    /// <summary>Notifications claimed ("sending" committed) without an outcome yet.</summary>
    public Task<long> InFlightAsync() => Cluster.Database.ScalarAsync(
        $"SELECT count(*) FROM notifications.notifications WHERE \"CampaignId\" = '{CampaignId}' AND \"Status\" = 'sending'");

    /// <summary>Waits until the campaign is completed (nobody left queued or sending); returns its last view.</summary>
    public Task<JsonElement> WaitUntilCompletedAsync(TimeSpan timeout) =>
        WaitUntilAsync(view => view.GetProperty("status").GetString() == "completed", "completed", timeout, null);

    /// <summary>Waits until everyone is delivered (the server answered 250 for each); returns the campaign's last view.</summary>
    public Task<JsonElement> WaitUntilAllDeliveredAsync(TimeSpan timeout, TimeSpan? poll = null) =>
        WaitUntilAsync(view => view.GetProperty("delivered").GetInt32() == People, "delivered", timeout, poll);

    private async Task<JsonElement> WaitUntilAsync(Func<JsonElement, bool> done, string what, TimeSpan timeout, TimeSpan? poll)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime + timeout;
        while (true)
        {
            var view = await CampaignAsync();
            if (done(view))
            {
                return view;
            }

            if (TimeProvider.System.GetUtcNow().UtcDateTime > deadline)
            {
                throw new TimeoutException($"campaign not {what} after {timeout}: {view}");
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }

    private async Task InitializeAsync(IReadOnlyDictionary<string, string> environment)
    {
        var settings = new Dictionary<string, string>
        {
            ["NotifyHub__Email__Smtp__Host"] = TestServers.SmtpHost,
            ["NotifyHub__Email__Smtp__Port"] = TestServers.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NotifyHub__Email__Smtp__From"] = $"Example Ltd <notices@{Marker}>",
            ["NotifyHub__Notifications__QuietHoursStart"] = "00:00",
            ["NotifyHub__Notifications__QuietHoursEnd"] = "00:00",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        Cluster = await ServiceCluster.StartAsync(settings, "console", "notifications");
        _client = await Cluster.PrivacyOfficerClientAsync("notifications");

        _publisher = new NotifyHubFactory(Cluster.InProcessSettings("intake"));
        var incident = Guid.NewGuid();
        await ProjectedPartiesSeeder.OpenIncidentAsync(_publisher.Services, incident);
        await Eventually.TrueAsync(async () => await Cluster.Database.ScalarAsync(
            $"SELECT count(*) FROM notifications.incidents WHERE \"Id\" = '{incident}'") == 1, TimeSpan.FromSeconds(60));
        var languages = new[] { "en", "fr", "ja" };
        var people = Enumerable.Range(0, People).Select(i => TestPerson.Create(i, languages[i % 3], email: $"person{i}@{Marker}")).ToList();
        await ProjectedPartiesSeeder.PublishAsync(_publisher.Services, incident, people);
        await Eventually.TrueAsync(async () => await Cluster.Database.ScalarAsync(
            $"SELECT count(*) FROM notifications.affected_parties WHERE \"IncidentId\" = '{incident}'") == People,
            TimeSpan.FromSeconds(60 + (People / 50)));

        var template = await PostAsync($"api/v1/incidents/{incident}/templates", new
        {
            name = "First notice",
            channel = "email",
            defaultLanguage = "en",
            variants = new object[]
            {
                new { language = "en", subject = "About {{ incident.title }}", body = "<p>Dear {{ given_name }},</p><p>Your code: {{ reference_code }}</p>" },
                new { language = "fr", subject = "Au sujet de {{ incident.title }}", body = "<p>Bonjour {{ given_name }},</p><p>Votre code : {{ reference_code }}</p>" },
                new { language = "ja", subject = "{{ incident.title }}に関するお知らせ", body = "<p>{{ family_name }} 様</p><p>照会番号：{{ reference_code }}</p>" },
            },
        });
        CampaignId = await PostAsync($"api/v1/incidents/{incident}/campaigns",
            new { name = "First notice", channels = new[] { "email" }, strategy = "all", templates = new { email = template } });
    }

    private async Task<Guid> PostAsync(string path, object body)
    {
        var response = await _client!.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid()
            : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
    }
}
