using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.CallCentre.Database;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Portal.Database;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;

namespace NotifyHub.Notifications.Tests.Letters;

/// <summary>
/// A letter batch handed over is told to the other modules by one <c>LettersHandedOver</c>, not by a sent and a
/// delivered event per letter: the person's status page and the call centre's history still show every letter
/// delivered, once, at its hand-over.
/// </summary>
public sealed class Handed_over_letters_reach_the_portal_and_the_call_centre : IAsyncLifetime
{
    private PostgresDatabase? _database;

    public static TheoryData<string> Providers => ["Sqlite", "PostgreSql"];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task As_one_message_a_batch(string provider)
    {
        var settings = new Dictionary<string, string?> { ["NotifyHub:Letters:BatchSize"] = "3" };
        if (provider == "PostgreSql")
        {
            _database = await PostgresDatabase.CreateAsync();
            settings["NotifyHub:Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:NotifyHub"] = _database.ConnectionString;
        }

        await using var app = await NotificationsApp.StartAsync(settings);
        var incident = await app.OpenIncidentAsync();
        var people = Enumerable.Range(1, 7).Select(i => new TestPerson(Guid.NewGuid(), "Ada", $"Person{i}", $"REF-{i:000000}-HO{i:00}", "en",
            AddressLine1: $"{i} High Street", Locality: "Leeds", Postcode: "LS1 1AA", Categories: ["email"])).ToList();
        await app.SeedAndWaitAsync(incident, people);
        var campaign = await app.CreateCampaignAsync(incident, ["letter"], "all",
            new() { ["letter"] = await app.ApproveProofsAsync(await app.CreateTemplateAsync(incident, SampleTemplates.Letter)) });

        await app.LaunchAsync(campaign);
        (await app.WaitForCampaignAsync(campaign)).GetProperty("delivered").GetInt32().ShouldBe(7);

        var letters = await app.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.IncidentId == incident)
            .Select(n => new { n.Id, n.PersonId, n.CompletedAt }).ToListAsync());
        // The portal and the call centre keep times in ticks; PostgreSQL keeps the letter's in microseconds.
        static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var callCentre = scope.ServiceProvider.GetRequiredService<CallCentreDbContext>();
        await Eventually.TrueAsync(async () =>
                await portal.Notifications.CountAsync(n => n.IncidentId == incident && n.Status == "delivered") == 7
                && await callCentre.PersonNotifications.CountAsync(n => n.IncidentId == incident && n.Status == "delivered") == 7,
            TimeSpan.FromSeconds(30), "the portal and the call centre did not both show seven letters delivered");

        var shown = await portal.Notifications.AsNoTracking().Where(n => n.IncidentId == incident).ToListAsync();
        shown.Select(n => (n.NotificationId, n.PersonId, Microseconds(n.At).UtcTicks)).ShouldBe(letters.Select(l => (l.Id, l.PersonId, Microseconds(l.CompletedAt!.Value).UtcTicks)), ignoreOrder: true);
        var history = await callCentre.PersonNotifications.AsNoTracking().Where(n => n.IncidentId == incident).ToListAsync();
        history.Select(n => (n.NotificationId, Microseconds(n.SentAt).UtcTicks)).ShouldBe(letters.Select(l => (l.Id, Microseconds(l.CompletedAt!.Value).UtcTicks)), ignoreOrder: true);

        // Three batches of at most three letters: three messages to each module, and no per-letter event.
        (await portal.InboxMessages.CountAsync(m => m.Consumer == "NotifyHub.Portal.Notifications.LettersHandedOverConsumer")).ShouldBe(3);
        (await portal.InboxMessages.CountAsync(m => m.Consumer == "NotifyHub.Portal.Notifications.NotificationSentConsumer"
            || m.Consumer == "NotifyHub.Portal.Notifications.NotificationDeliveredConsumer")).ShouldBe(0);
        (await callCentre.InboxMessages.CountAsync(m => m.Consumer == "NotifyHub.CallCentre.Notifications.LettersHandedOverConsumer")).ShouldBe(3);
    }
}
