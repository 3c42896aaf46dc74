using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;
using Xunit.Abstractions;

namespace NotifyHub.IntegrationTests.Notifications;

/// <summary>
/// Issue 6's "exactly once as people see it": an email campaign over RabbitMQ and PostgreSQL into the real SMTP
/// server, with the notifications worker SIGKILLed mid-campaign (and, separately, the broker restarted). The Maildir
/// must end with exactly one message per person. 2,000 people rather than 10,000: the suite runs on 2 cores.
/// </summary>
public sealed class An_email_campaign_survives_crashes(ITestOutputHelper output)
{
    private const int People = 2000;

    [Fact]
    public async Task Killing_the_notifications_worker_mid_campaign_leaves_one_message_per_person()
    {
        await using var run = await CampaignRun.StartAsync(output);
        await run.LaunchAsync();

        await run.WaitForMaildirAsync(People / 5);
        run.Cluster["notifications"].Kill();
        var atKill = run.MaildirFiles().Count;
        // Claimed (committed "sending") but no outcome committed: the only ones a new worker can send a second time.
        var inFlight = await run.InFlightAsync();
        output.WriteLine($"notifications worker SIGKILLed with {atKill} of {People} messages in the Maildir, {inFlight} notifications left 'sending'");
        await run.Cluster["notifications"].StartAsync();

        // Plain SMTP cannot ask the server "do you already have this Message-ID?": a message the server accepted (250)
        // in the instant before the worker's commit is sent again, with the same Message-ID. Everyone gets exactly one
        // distinct message; resends are bounded by what was in flight at the kill, and the test reports them.
        await run.AssertEveryoneNotifiedOnceAsync(allowedResends: inFlight);
        atKill.ShouldBeLessThan(People, "the kill must happen mid-campaign for this test to mean anything");
    }

    [Fact]
    public async Task Restarting_RabbitMq_mid_campaign_leaves_one_message_per_person()
    {
        await using var run = await CampaignRun.StartAsync(output);
        await run.LaunchAsync();

        await run.WaitForMaildirAsync(People / 5);
        var atRestart = run.MaildirFiles().Count;
        await RestartBrokerAsync();
        output.WriteLine($"RabbitMQ restarted; {atRestart} of {People} messages were in the Maildir when it began");

        await run.AssertEveryoneNotifiedOnceAsync();
        atRestart.ShouldBeLessThan(People, "the restart must happen mid-campaign for this test to mean anything");
    }

    private static async Task RestartBrokerAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", TestServers.RabbitMqRestartCommand])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        process.ExitCode.ShouldBe(0, error);
    }

    private sealed class CampaignRun : IAsyncDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly string _marker = $"crash{Guid.NewGuid():N}.test";
        private NotifyHubFactory? _publisher;
        private HttpClient? _client;
        private Guid _campaign;

        private CampaignRun(ITestOutputHelper output) => _output = output;

        public ServiceCluster Cluster { get; private set; } = null!;

        public static async Task<CampaignRun> StartAsync(ITestOutputHelper output)
        {
            var run = new CampaignRun(output);
            try
            {
                await run.InitializeAsync();
                return run;
            }
            catch
            {
                await run.DisposeAsync();
                throw;
            }
        }

        public async Task LaunchAsync() => (await _client!.PostAsync($"api/v1/campaigns/{_campaign}/launch", null)).EnsureSuccessStatusCode();

        public IReadOnlyList<string> MaildirFiles() => SmtpMaildir.FilesWith(_marker);

        public Task WaitForMaildirAsync(int count) =>
            Eventually.TrueAsync(() => Task.FromResult(MaildirFiles().Count >= count), TimeSpan.FromSeconds(180));

        public Task<long> InFlightAsync() => Cluster.Database.ScalarAsync(
            $"SELECT count(*) FROM notifications.notifications WHERE \"CampaignId\" = '{_campaign}' AND \"Status\" = 'sending'");

        public async Task AssertEveryoneNotifiedOnceAsync(long allowedResends = 0)
        {
            var view = default(JsonElement);
            await Eventually.TrueAsync(async () =>
            {
                view = await _client!.GetFromJsonAsync<JsonElement>($"api/v1/campaigns/{_campaign}");
                return view.GetProperty("delivered").GetInt32() == People && view.GetProperty("status").GetString() == "completed";
            }, TimeSpan.FromSeconds(300), $"campaign: {view}");

            var messages = SmtpMaildir.MessagesWith(_marker);
            var distinct = messages.Select(m => m.Message.MessageId).Distinct().Count();
            var people = messages.Select(m => m.Message.To.Mailboxes.Single().Address).Distinct().Count();
            _output.WriteLine($"Maildir: {messages.Count} files, {distinct} distinct Message-IDs, {people} distinct recipients, for {People} people");
            distinct.ShouldBe(People);
            people.ShouldBe(People);
            ((long)(messages.Count - distinct)).ShouldBeLessThanOrEqualTo(allowedResends,
                $"{messages.Count - distinct} resends (same Message-ID delivered twice); at most {allowedResends} were in flight");
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

        private async Task InitializeAsync()
        {
            Cluster = await ServiceCluster.StartAsync(new Dictionary<string, string>
            {
                ["NotifyHub__Email__Smtp__Host"] = TestServers.SmtpHost,
                ["NotifyHub__Email__Smtp__Port"] = TestServers.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["NotifyHub__Email__Smtp__From"] = $"Example Ltd <notices@{_marker}>",
                // A killed worker's claims come back after this lease (default 1 min).
                ["NotifyHub__Notifications__SendLease"] = "00:00:05",
                ["NotifyHub__Notifications__QuietHoursStart"] = "00:00",
                ["NotifyHub__Notifications__QuietHoursEnd"] = "00:00",
            }, "console", "notifications");
            _client = await Cluster.AdminClientAsync("notifications");

            // Intake's part, in process on the same broker, database and key store: the incident and the projections.
            _publisher = new NotifyHubFactory(Cluster.InProcessSettings("intake"));
            var incident = Guid.NewGuid();
            await ProjectedPartiesSeeder.OpenIncidentAsync(_publisher.Services, incident);
            await Eventually.TrueAsync(async () => await Cluster.Database.ScalarAsync(
                $"SELECT count(*) FROM notifications.incidents WHERE \"Id\" = '{incident}'") == 1, TimeSpan.FromSeconds(60));
            var languages = new[] { "en", "fr", "ja" };
            var people = Enumerable.Range(0, People).Select(i => TestPerson.Create(i, languages[i % 3], email: $"person{i}@{_marker}")).ToList();
            await ProjectedPartiesSeeder.PublishAsync(_publisher.Services, incident, people);
            await Eventually.TrueAsync(async () => await Cluster.Database.ScalarAsync(
                $"SELECT count(*) FROM notifications.affected_parties WHERE \"IncidentId\" = '{incident}'") == People, TimeSpan.FromSeconds(120));

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
            _campaign = await PostAsync($"api/v1/incidents/{incident}/campaigns",
                new { name = "Crash test", channels = new[] { "email" }, strategy = "all", templates = new { email = template } });
        }

        private async Task<Guid> PostAsync(string path, object body)
        {
            var response = await _client!.PostAsJsonAsync(path, body);
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }
}
