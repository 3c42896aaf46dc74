using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Notifications;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Testing;

namespace NotifyHub.CallCentre.Tests;

/// <summary>
/// The notices sent per day that the calls to expect come from are kept by database triggers: they match a recount
/// of the history after the consumers' upserts, a bulk move of send times to another day, and a bulk delete (the
/// retention purge's), on the embedded default (SQLite) as on PostgreSQL.
/// </summary>
public sealed class Notices_sent_tallies : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private NotifyHubFactory _host = null!;

    public static TheoryData<string> Providers => ["Sqlite", "PostgreSql"];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_tallies_match_a_recount_of_the_history(string provider)
    {
        await StartAsync(provider);
        var bus = _host.Services.GetRequiredService<IBus>();
        var incident = Guid.NewGuid();
        var today = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var yesterday = today.AddDays(-1).AddHours(13);
        var notices = Enumerable.Range(0, 30).Select(i => (Id: Guid.NewGuid(), At: i < 20 ? today.AddMinutes(i) : yesterday)).ToList();
        await Task.WhenAll(notices.SelectMany(n => new[]
        {
            bus.Publish(new NotificationSent(n.Id, incident, null, Guid.NewGuid(), "email", n.At)),
            bus.Publish(new NotificationDelivered(n.Id, incident, null, Guid.NewGuid(), "email", n.At.AddMinutes(1))),
        }));
        // Every row delivered is not enough: a sent event still in a batch could commit after the bulk delete below
        // and bring deleted rows back. Each message's inbox row commits with its batch, so wait for all sixty.
        string[] consumers = [typeof(NotificationSentConsumer).FullName!, typeof(NotificationDeliveredConsumer).FullName!];
        await Eventually.TrueAsync(() => ReadAsync(async db => await db.InboxMessages.CountAsync(m => consumers.Contains(m.Consumer)) == 2 * notices.Count),
            TimeSpan.FromSeconds(30), "every event consumed");
        (await ReadAsync(db => db.PersonNotifications.CountAsync(n => n.IncidentId == incident && n.Status == "delivered"))).ShouldBe(notices.Count);

        (await SentAsync(incident, today)).ShouldBe((30L, 20L));
        (await SentAsync(incident, today)).ShouldBe(await RecountAsync(incident, today));

        await ReadAsync(db => db.PersonNotifications.Where(n => n.IncidentId == incident && n.SentAt >= today).OrderBy(n => n.NotificationId)
            .Take(5).ExecuteUpdateAsync(n => n.SetProperty(x => x.SentAt, yesterday)));
        (await SentAsync(incident, today)).ShouldBe((30L, 15L), "5 sent times moved to yesterday");
        await ReadAsync(db => db.PersonNotifications.Where(n => n.IncidentId == incident).OrderByDescending(n => n.NotificationId)
            .Take(7).ExecuteDeleteAsync());
        (await SentAsync(incident, today)).ShouldBe(await RecountAsync(incident, today));
        (await SentAsync(incident, today)).Total.ShouldBe(23L, "folded twice");
    }

    private Task<(long Total, long OnDay)> SentAsync(Guid incident, DateTimeOffset day) =>
        ReadAsync(db => new NoticeDayTallies(db).SentAsync(incident, day, CancellationToken.None));

    private Task<(long Total, long OnDay)> RecountAsync(Guid incident, DateTimeOffset day) => ReadAsync(async db =>
    {
        var sent = await db.PersonNotifications.AsNoTracking().Where(n => n.IncidentId == incident).Select(n => n.SentAt).ToListAsync();
        return ((long)sent.Count, (long)sent.Count(at => at >= day && at < day.AddDays(1)));
    });

    private async Task StartAsync(string provider)
    {
        var settings = new Dictionary<string, string?>();
        if (provider == "PostgreSql")
        {
            _database = await PostgresDatabase.CreateAsync();
            settings["NotifyHub:Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:NotifyHub"] = _database.ConnectionString;
        }

        _host = new NotifyHubFactory(settings);
        _ = _host.Server; // starts the host: migrations run
    }

    private async Task<T> ReadAsync<T>(Func<CallCentreDbContext, Task<T>> read)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CallCentreDbContext>());
    }
}
