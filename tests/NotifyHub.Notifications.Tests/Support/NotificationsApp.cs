using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Notifications.Tests.Support;

/// <summary>The whole host in process (embedded defaults unless overridden) with an admin client and campaign helpers.</summary>
public sealed class NotificationsApp : IAsyncDisposable
{
    private NotificationsApp(NotifyHubFactory factory, HttpClient client)
    {
        Factory = factory;
        Client = client;
    }

    public NotifyHubFactory Factory { get; }

    public HttpClient Client { get; private set; }

    /// <summary>A fresh privacy officer token: after a manual clock has been moved on, the first one has expired.</summary>
    public async Task SignInAgainAsync()
    {
        var old = Client;
        Client = await StaffAccounts.PrivacyOfficerClientAsync(Factory);
        old.Dispose();
    }

    public string Outbox => Path.Combine(Factory.DataDirectory, "outbox");

    /// <summary>Settings that send email through the real test SMTP server from <c>notices@{marker}</c>.</summary>
    public static Dictionary<string, string?> SmtpSettings(string marker) => new()
    {
        ["NotifyHub:Email:Smtp:Host"] = TestServers.SmtpHost,
        ["NotifyHub:Email:Smtp:Port"] = TestServers.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NotifyHub:Email:Smtp:From"] = $"Example Ltd <notices@{marker}>",
    };

    /// <summary>Starts the app on <paramref name="database"/> instead of the embedded SQLite.</summary>
    public static Task<NotificationsApp> StartOnPostgreSqlAsync(PostgresDatabase database) => StartAsync(new Dictionary<string, string?>
    {
        ["NotifyHub:Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:NotifyHub"] = database.ConnectionString,
    });

    /// <param name="clock">Replaces the host's <see cref="TimeProvider"/> (timers still run on real time).</param>
    /// <param name="services">Changes to the host's services after its own (a test double for an outage).</param>
    public static async Task<NotificationsApp> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["NotifyHub:Notifications:SchedulerInterval"] = "00:00:00.200",
            ["NotifyHub:Notifications:LetterBatchWindow"] = "00:00:00.500",
            ["NotifyHub:Notifications:Helpline"] = "0800 123 456",
            // Quiet hours off unless a test turns them on: tests run at any hour.
            ["NotifyHub:Notifications:QuietHoursStart"] = "00:00",
            ["NotifyHub:Notifications:QuietHoursEnd"] = "00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new NotifyHubFactory(all, host =>
        {
            if (clock is not null)
            {
                host.AddSingleton(clock);
            }

            services?.Invoke(host);
        });
        return new NotificationsApp(factory, await StaffAccounts.PrivacyOfficerClientAsync(factory));
    }

    /// <summary>Opens an incident through intake's API and waits until notifications has its copy.</summary>
    public async Task<Guid> OpenIncidentAsync()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Dealer CRM breach",
            summary = "A contractor copied customer records to a personal drive.",
            discoveredAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
            cause = "insider",
            dataCategories = new[] { "name", "email", "payment_card" },
            jurisdictions = new[] { "GB" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(() => QueryAsync(db => db.Incidents.AnyAsync(i => i.Id == id)), TimeSpan.FromSeconds(30));
        return id;
    }

    public async Task<Guid> CreateTemplateAsync(Guid incidentId, object body)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/templates", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Email, SMS and letter templates in en, fr and ja, as a privacy officer would write them (letter proofs approved).</summary>
    public async Task<Dictionary<string, Guid>> StandardTemplatesAsync(Guid incidentId) => new()
    {
        ["email"] = await CreateTemplateAsync(incidentId, SampleTemplates.Email),
        ["sms"] = await CreateTemplateAsync(incidentId, SampleTemplates.Sms),
        ["letter"] = await ApproveProofsAsync(await CreateTemplateAsync(incidentId, SampleTemplates.Letter)),
    };

    /// <summary>
    /// Downloads the proof of each of a letter template's languages and approves it, as a privacy officer must before
    /// a campaign may print it. Returns the template id.
    /// </summary>
    public async Task<Guid> ApproveProofsAsync(Guid templateId, params string[] languages)
    {
        foreach (var language in languages.Length > 0 ? languages : ["en", "fr", "ja"])
        {
            var proof = await Client.GetAsync($"/api/v1/templates/{templateId}/proof?language={language}");
            proof.StatusCode.ShouldBe(HttpStatusCode.OK, await proof.Content.ReadAsStringAsync());
            var approved = await Client.PostAsJsonAsync($"/api/v1/templates/{templateId}/approvals", new { language });
            approved.StatusCode.ShouldBe(HttpStatusCode.Created, await approved.Content.ReadAsStringAsync());
        }

        return templateId;
    }

    public async Task<Guid> CreateCampaignAsync(Guid incidentId, string[] channels, string strategy, Dictionary<string, Guid> templates)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/campaigns",
            new { name = "First notice", channels, strategy, templates });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task LaunchAsync(Guid campaignId)
    {
        var response = await Client.PostAsync($"/api/v1/campaigns/{campaignId}/launch", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> CampaignAsync(Guid campaignId) =>
        await Client.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaignId}");

    /// <summary>Waits until the campaign reports <paramref name="status"/> and returns its last view.</summary>
    public async Task<JsonElement> WaitForCampaignAsync(Guid campaignId, string status = "completed", int seconds = 60)
    {
        var view = default(JsonElement);
        await Eventually.TrueAsync(async () =>
        {
            view = await CampaignAsync(campaignId);
            return view.GetProperty("status").GetString() == status;
        }, TimeSpan.FromSeconds(seconds), () => DescribeAsync(campaignId, view));
        return view;
    }

    /// <summary>The campaign's last view and its notifications by status and due time: why a wait ran out.</summary>
    private Task<string> DescribeAsync(Guid campaignId, JsonElement view) => QueryAsync(async db =>
    {
        var now = TimeProvider.System.GetUtcNow();
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.CampaignId == campaignId)
            .Select(n => new { n.Status, n.NotBefore, n.LeaseUntil, n.Attempts }).ToListAsync();
        var byState = notifications
            .GroupBy(n => $"{n.Status} notBefore={(n.NotBefore is { } due ? $"{(due - now).TotalSeconds:+0;-0}s" : "none")}"
                + $" lease={(n.LeaseUntil is { } lease ? $"{(lease - now).TotalSeconds:+0;-0}s" : "none")} attempts={n.Attempts}")
            .Select(g => $"{g.Count()}× {g.Key}");
        var paces = await db.ChannelPaces.AsNoTracking().ToListAsync();
        var slots = paces.Select(p => $"{p.Channel} next slot {(new DateTimeOffset(p.NextSlotTicks, TimeSpan.Zero) - now).TotalSeconds:+0.0;-0.0}s");
        return $"campaign {campaignId}: {view}; notifications: {string.Join(", ", byState)}; paces: {string.Join(", ", slots)}";
    });

    public Task SeedAsync(Guid incidentId, IReadOnlyList<TestPerson> people) =>
        ProjectedPartiesSeeder.PublishAsync(Factory.Services, incidentId, people);

    /// <summary>Waits until notifications holds a projection for every one of <paramref name="people"/>.</summary>
    public async Task SeedAndWaitAsync(Guid incidentId, IReadOnlyList<TestPerson> people)
    {
        await SeedAsync(incidentId, people);
        var expected = people.Sum(p => p.Purposes().Count());
        await Eventually.TrueAsync(() => QueryAsync(async db => await db.AffectedParties.CountAsync(p => p.IncidentId == incidentId) >= expected),
            TimeSpan.FromSeconds(60));
    }

    public async Task<T> QueryAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
