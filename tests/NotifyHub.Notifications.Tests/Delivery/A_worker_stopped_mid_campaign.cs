using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.Notifications;
using NotifyHub.Testing.Parties;

namespace NotifyHub.Notifications.Tests.Delivery;

/// <summary>
/// A graceful stop (SIGTERM, a deployment) in the middle of a throttled campaign on the embedded defaults. The
/// worker hands its unsent notifications back instead of waiting out their throttle slots, records what it did send,
/// and writes nothing once the host has stopped. Started again on the same data, it finishes the campaign although
/// the in-memory bus lost every message it held.
/// </summary>
public sealed class A_worker_stopped_mid_campaign : IDisposable
{
    private const int People = 60;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Hands_back_what_it_has_not_sent_and_finishes_the_campaign_when_started_again()
    {
        Guid campaign;
        string[] beforeStop;
        await using (var app = await StartAsync())
        {
            var incident = await app.OpenIncidentAsync();
            await app.SeedAndWaitAsync(incident, [.. Enumerable.Range(0, People).Select(i => TestPerson.Create(i, email: $"p{i}@example.test"))]);
            var template = await app.CreateTemplateAsync(incident, SampleTemplates.Email);
            campaign = await app.CreateCampaignAsync(incident, ["email"], "all", new() { ["email"] = template });
            await app.LaunchAsync(campaign);
            await Eventually.TrueAsync(async () => (await app.CampaignAsync(campaign)).GetProperty("delivered").GetInt32() > 0, TimeSpan.FromSeconds(30));

            await app.Factory.Services.GetRequiredService<IHost>().StopAsync();
            beforeStop = EmailFiles();
            await Task.Delay(TimeSpan.FromSeconds(3));
            EmailFiles().ShouldBe(beforeStop, "an email was written after the host had stopped");
            beforeStop.Length.ShouldBeLessThan(People, "the stop cut the throttled campaign short");
        }

        var statuses = await StatusesAsync();
        statuses.GetValueOrDefault(DeliveryStatus.Delivered).ShouldBe(beforeStop.Length, "each written email is recorded, and only those");
        statuses.GetValueOrDefault(DeliveryStatus.Queued).ShouldBe(People - beforeStop.Length, "the rest wait for the next start");

        await using (var app = await StartAsync())
        {
            // Generous: on a loaded CI machine the restarted host once needed more than 90 s to finish 60 throttled emails.
            var done = await app.WaitForCampaignAsync(campaign, seconds: 240);
            done.GetProperty("delivered").GetInt32().ShouldBe(People);
            // Read while a host runs: the files are encrypted under a key of its key store.
            var emails = await OutboxFiles.EmailsAsync(app.Factory.Services, _data);
            emails.Count.ShouldBe(People);
            emails.Select(m => m.To.ToString()).Distinct().Count().ShouldBe(People, "one email per person");
        }

        EmailFiles().Length.ShouldBe(People);
        (await AttemptsAsync()).ShouldAllBe(attempts => attempts == 1, "none was sent twice");
    }

    public void Dispose() => NotifyHubFactory.DeleteDataDirectory(_data);

    /// <summary>
    /// 4 emails a second: the whole campaign takes 15 s, so a stop lands in the middle of it. Two emails per delivery
    /// batch: the first "delivered" (recorded at a batch's end) comes about 2 s in, and a stop still cuts batches short.
    /// </summary>
    private Task<NotificationsApp> StartAsync() => NotificationsApp.StartAsync(new Dictionary<string, string?>
    {
        ["NotifyHub:DataDirectory"] = _data,
        ["NotifyHub:Notifications:Throttle:Email"] = "4",
        ["NotifyHub:Notifications:DeliveryBatchSize"] = "2",
    });

    /// <summary>Read from the database file: a stopped host has disposed its services.</summary>
    private async Task<Dictionary<DeliveryStatus, int>> StatusesAsync()
    {
        await using var db = OpenDatabase();
        return await db.Notifications.AsNoTracking().GroupBy(n => n.Status).ToDictionaryAsync(g => g.Key, g => g.Count());
    }

    private async Task<List<int>> AttemptsAsync()
    {
        await using var db = OpenDatabase();
        return await db.Notifications.AsNoTracking().Select(n => n.Attempts).ToListAsync();
    }

    private NotificationsDbContext OpenDatabase() => new(new DbContextOptionsBuilder()
        .UseSqlite($"Data Source={Path.Combine(_data, "notifications.db")}").Options);

    private string[] EmailFiles() => [.. Directory.EnumerateFiles(Path.Combine(_data, "outbox", "email")).Order()];
}
