using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Notifications;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Testing;

namespace NotifyHub.CallCentre.Tests;

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
    public async Task A_redelivered_event_is_recorded_once(string provider)
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

        // The delivery receipt again, in a batch with a new one: only the new one counts (no second inbox row).
        await bus.Publish(delivered, c => c.MessageId = deliveredId);
        await bus.Publish(new NotificationDelivered(other, incident, null, person, "sms", at.AddSeconds(3)));
        await StatusBecomesAsync(other, "delivered");

        var row = await ReadAsync(db => db.PersonNotifications.AsNoTracking().SingleAsync(n => n.NotificationId == notification));
        (row.Status, row.At, row.SentAt).ShouldBe(("failed", at.AddSeconds(2), at));
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

        await Eventually.TrueAsync(() => ReadAsync(async db => await db.PersonNotifications.CountAsync(n => n.IncidentId == incident && n.Status == "delivered") == letters.Count),
            Wait, "not every letter was recorded as delivered");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_handed_over_letter_batch_records_each_letter_sent_and_delivered_once(string provider)
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

        await Eventually.TrueAsync(() => ReadAsync(async db => await db.PersonNotifications.CountAsync(n => n.IncidentId == incident) == letters.Count),
            Wait, "not every letter of the batch was recorded");
        var rows = await ReadAsync(db => db.PersonNotifications.AsNoTracking().Where(n => n.IncidentId == incident).ToListAsync());
        rows.ShouldAllBe(n => n.Status == "delivered" && n.Channel == "letter" && n.SentAt == at && n.At == at);
        rows.Select(n => (n.NotificationId, n.PersonId)).ToHashSet().SetEquals(letters.Select(l => (l.NotificationId, l.PersonId))).ShouldBeTrue();
        var consumer = typeof(LettersHandedOverConsumer).FullName;
        (await ReadAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == consumer && m.MessageId == messageId))).ShouldBe(1);
    }

    /// <summary>
    /// An inbox analysed while it was empty, then filled faster than autovacuum looks again (a first campaign): the
    /// statistics say it is tiny, so a read of "which of these ids are there?" scans the whole table, every batch. The
    /// inbox claim inserts and probes the unique index, whatever the statistics say.
    /// </summary>
    [Fact]
    public async Task The_inbox_check_probes_the_index_on_statistics_taken_when_it_was_empty()
    {
        await StartAsync("PostgreSql");
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CallCentreDbContext>();
        const string consumer = "NotifyHub.CallCentre.Tests.StaleStatistics";
        await db.Database.ExecuteSqlRawAsync("ANALYZE callcentre.inbox_messages");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO callcentre.inbox_messages (\"MessageId\", \"Consumer\", \"ProcessedAt\") SELECT gen_random_uuid(), {0}, now() FROM generate_series(1, 20000)",
            consumer);
        var handled = await db.InboxMessages.Where(m => m.Consumer == consumer).Select(m => m.MessageId).Take(3).ToListAsync();
        var arriving = handled.Concat(Enumerable.Range(0, 97).Select(_ => Guid.NewGuid())).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync();
        // Counted from here: the view also holds this connection's earlier statements until it reports them (at most
        // once a second, between transactions), such as the read of three handled ids above.
        var before = await SequentialScansOfTheInboxAsync(db);
        var read = await db.InboxMessages.Where(m => m.Consumer == consumer && arriving.Contains(m.MessageId)).CountAsync();
        var scansByTheRead = await SequentialScansOfTheInboxAsync(db) - before;
        var fresh = await InboxClaim.FreshAsync(db, consumer, arriving, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        var scansByTheClaim = await SequentialScansOfTheInboxAsync(db) - scansByTheRead - before;

        // The control: these statistics do lead the planner to a full scan for the read.
        (read, scansByTheRead).ShouldBe((3, 1L));
        scansByTheClaim.ShouldBe(0L);
        fresh.ShouldBe(arriving.Skip(3).ToHashSet(), ignoreOrder: true);
    }

    /// <summary>This connection's sequential scans of the inbox not yet reported (so this transaction's, and maybe earlier ones').</summary>
    private static Task<long> SequentialScansOfTheInboxAsync(CallCentreDbContext db) =>
        db.Database.SqlQueryRaw<long>(
            "SELECT seq_scan AS \"Value\" FROM pg_stat_xact_user_tables WHERE relid = 'callcentre.inbox_messages'::regclass").SingleAsync();

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
        Eventually.TrueAsync(() => ReadAsync(db => db.PersonNotifications.AnyAsync(n => n.NotificationId == notification && n.Status == status)),
            Wait, $"the notification never became {status}");

    private async Task<T> ReadAsync<T>(Func<CallCentreDbContext, Task<T>> read)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CallCentreDbContext>());
    }
}
