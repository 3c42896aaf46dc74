using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Notifications;
using NotifyHub.Testing;

namespace NotifyHub.Portal.Tests;

/// <summary>
/// The notification consumers take their events in batches, one transaction each, on the embedded default
/// (SQLite) as on PostgreSQL. A message the broker delivers again, alone or among new ones, has no second effect.
/// </summary>
public sealed class Notification_events_in_batches : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
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
    public async Task A_redelivered_event_does_not_move_a_later_state_back(string provider)
    {
        await StartAsync(provider);
        var bus = _host.Services.GetRequiredService<IBus>();
        var (notification, other, incident, person) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var at = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        var delivered = new NotificationDelivered(notification, incident, null, person, "sms", at.AddSeconds(1));
        var deliveredId = NewId.NextGuid();
        await bus.Publish(new NotificationSent(notification, incident, null, person, "sms", at));
        await bus.Publish(delivered, c => c.MessageId = deliveredId);
        await StatusBecomesAsync(notification, "delivered");
        await bus.Publish(new NotificationFailed(notification, incident, null, person, "sms", "twilio 30003", at.AddSeconds(2)));
        await StatusBecomesAsync(notification, "failed");

        // The delivery receipt again, in a batch with a new one: only the new one counts.
        await bus.Publish(delivered, c => c.MessageId = deliveredId);
        await bus.Publish(new NotificationDelivered(other, incident, null, person, "sms", at.AddSeconds(3)));
        await StatusBecomesAsync(other, "delivered");

        var row = await ReadAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.NotificationId == notification));
        (row.Status, row.At).ShouldBe(("failed", at.AddSeconds(2)));
        var consumer = typeof(NotificationDeliveredConsumer).FullName;
        (await ReadAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == consumer))).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Many_events_at_once_are_all_recorded(string provider)
    {
        await StartAsync(provider);
        var bus = _host.Services.GetRequiredService<IBus>();
        var (incident, at) = (Guid.NewGuid(), new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        var letters = Enumerable.Range(0, 500).Select(_ => (Notification: Guid.NewGuid(), Person: Guid.NewGuid())).ToList();

        await Task.WhenAll(letters.SelectMany(l => new[]
        {
            bus.Publish(new NotificationSent(l.Notification, incident, null, l.Person, "letter", at)),
            bus.Publish(new NotificationDelivered(l.Notification, incident, null, l.Person, "letter", at)),
        }));

        await Eventually.TrueAsync(() => ReadAsync(async db => await db.Notifications.CountAsync(n => n.IncidentId == incident && n.Status == "delivered") == letters.Count),
            Wait, "not every letter was recorded as delivered");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_handed_over_letter_batch_shows_each_letter_delivered_once(string provider)
    {
        await StartAsync(provider);
        var bus = _host.Services.GetRequiredService<IBus>();
        var (incident, campaign, at) = (Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        // More letters than one statement takes (UpsertRounds.MaxRows); the message comes twice with one id.
        var letters = Enumerable.Range(0, 1_200).Select(_ => new HandedOverLetter(Guid.NewGuid(), campaign, Guid.NewGuid())).ToList();
        var handedOver = new LettersHandedOver(incident, at, letters);
        var messageId = NewId.NextGuid();

        await bus.Publish(handedOver, c => c.MessageId = messageId);
        await bus.Publish(handedOver, c => c.MessageId = messageId);

        await Eventually.TrueAsync(() => ReadAsync(async db => await db.Notifications.CountAsync(n => n.IncidentId == incident) == letters.Count),
            Wait, "not every letter of the batch was recorded");
        var rows = await ReadAsync(db => db.Notifications.AsNoTracking().Where(n => n.IncidentId == incident).ToListAsync());
        rows.ShouldAllBe(n => n.Status == "delivered" && n.Channel == "letter" && n.At == at);
        rows.Select(n => (n.NotificationId, n.PersonId)).ToHashSet().SetEquals(letters.Select(l => (l.NotificationId, l.PersonId))).ShouldBeTrue();
        var consumer = typeof(LettersHandedOverConsumer).FullName;
        (await ReadAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == consumer && m.MessageId == messageId))).ShouldBe(1);
    }

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

    private Task StatusBecomesAsync(Guid notification, string status) =>
        Eventually.TrueAsync(() => ReadAsync(db => db.Notifications.AnyAsync(n => n.NotificationId == notification && n.Status == status)),
            Wait, $"the notification never became {status}");

    private async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
