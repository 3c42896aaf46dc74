using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Notifications;
using NotifyHub.Testing;

namespace NotifyHub.CallCentre.Tests;

/// <summary>
/// A letter's sent and delivered events are published together and consumed side by side. On PostgreSQL, two
/// consumers recording the same notification at once must both succeed (the second waits for the first and updates
/// its row), not fail one on the key into a retry.
/// </summary>
public sealed class Notification_events_arriving_together : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private NotifyHubFactory _host = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _host = new NotifyHubFactory(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = _database.ConnectionString,
        });
        _ = _host.Server; // starts the host: migrations run
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Both_are_recorded_and_delivered_wins_whichever_commits_first()
    {
        var (notification, incident, person) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var sentAt = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        await using var first = _host.Services.CreateAsyncScope();
        await using var second = _host.Services.CreateAsyncScope();
        var sentDb = first.ServiceProvider.GetRequiredService<CallCentreDbContext>();
        var deliveredDb = second.ServiceProvider.GetRequiredService<CallCentreDbContext>();

        await using var sending = await sentDb.Database.BeginTransactionAsync();
        await NotificationHistory.RecordAsync(sentDb, [new NotificationEvent(notification, incident, person, "letter", "sent", sentAt)], default);
        await sentDb.SaveChangesAsync();

        // The delivered event's consumer reaches the same notification before the sent one has committed.
        await using var delivering = await deliveredDb.Database.BeginTransactionAsync();
        var delivered = Task.Run(async () =>
        {
            await NotificationHistory.RecordAsync(deliveredDb, [new NotificationEvent(notification, incident, person, "letter", "delivered", sentAt.AddSeconds(1))], default);
            await deliveredDb.SaveChangesAsync();
            await delivering.CommitAsync();
        });
        await Task.Delay(300);
        await sending.CommitAsync();
        await delivered;

        await using var check = _host.Services.CreateAsyncScope();
        var row = await check.ServiceProvider.GetRequiredService<CallCentreDbContext>().PersonNotifications.AsNoTracking()
            .SingleAsync(n => n.NotificationId == notification);
        row.Status.ShouldBe("delivered");
        row.At.ShouldBe(sentAt.AddSeconds(1));
        row.SentAt.ShouldBe(sentAt);

        // A late send event does not move it back.
        await using var late = _host.Services.CreateAsyncScope();
        var lateDb = late.ServiceProvider.GetRequiredService<CallCentreDbContext>();
        await NotificationHistory.RecordAsync(lateDb, [new NotificationEvent(notification, incident, person, "letter", "sent", sentAt)], default);
        (await lateDb.PersonNotifications.AsNoTracking().SingleAsync(n => n.NotificationId == notification)).Status.ShouldBe("delivered");
    }

    [Fact]
    public async Task A_batch_with_both_events_of_one_notification_ends_in_the_later_state_whatever_their_order()
    {
        var (deliveredLast, deliveredFirst, incident, person) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var sentAt = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CallCentreDbContext>();

        await NotificationHistory.RecordAsync(db,
        [
            new NotificationEvent(deliveredLast, incident, person, "letter", "sent", sentAt),
            new NotificationEvent(deliveredFirst, incident, person, "letter", "delivered", sentAt.AddSeconds(2)),
            new NotificationEvent(deliveredLast, incident, person, "letter", "delivered", sentAt.AddSeconds(1)),
            new NotificationEvent(deliveredFirst, incident, person, "letter", "sent", sentAt),
        ], default);

        var rows = await db.PersonNotifications.AsNoTracking().Where(n => n.IncidentId == incident).ToDictionaryAsync(n => n.NotificationId);
        rows.Count.ShouldBe(2);
        (rows[deliveredLast].Status, rows[deliveredLast].At, rows[deliveredLast].SentAt).ShouldBe(("delivered", sentAt.AddSeconds(1), sentAt));
        (rows[deliveredFirst].Status, rows[deliveredFirst].At, rows[deliveredFirst].SentAt).ShouldBe(("delivered", sentAt.AddSeconds(2), sentAt));
    }
}
