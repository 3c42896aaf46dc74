using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Letters;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;

namespace NotifyHub.Notifications.Tests.Letters;

/// <summary>
/// The letter printer looks for work at every pass, and a notifications table keeps every notice ever sent. In the
/// letters benchmark the look walked the primary key through every earlier letter (the planner expected queued letters
/// spread through the table; with none left it read all 12,000 rows, every 100 ms). It can now read the queued
/// letters' index instead, and must not walk the table.
/// </summary>
public sealed class The_printers_look_for_work
{
    [Fact]
    public async Task Its_look_for_work_does_not_walk_twenty_thousand_sent_letters()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await NotificationsApp.StartOnPostgreSqlAsync(database);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        // Campaigns the host does not know as running, so that its own printer leaves these letters alone.
        var (incident, earlier, current, at) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), TimeProvider.System.GetUtcNow());
        // An earlier campaign's 20,000 letters, queued, then sent (and vacuumed); then this campaign's 5, queued.
        await AddLettersAsync(db, Enumerable.Range(0, 20_000).Select(_ => Notification.Queue(incident, earlier, Guid.NewGuid(), Channel.Letter, Guid.NewGuid(), at)));
        await db.Database.ExecuteSqlRawAsync("ANALYZE notifications.notifications");
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE notifications.notifications SET \"Status\" = 'delivered', \"SentAt\" = now(), \"CompletedAt\" = now() WHERE \"CampaignId\" = {0}", earlier);
        await db.Database.ExecuteSqlRawAsync("VACUUM notifications.notifications");
        await AddLettersAsync(db, Enumerable.Range(0, 5).Select(_ => Notification.Queue(incident, current, Guid.NewGuid(), Channel.Letter, Guid.NewGuid(), at)));

        var (look, lookScans) = await ScanningAsync(db, () => LetterBatchStore.Queued(db, [current]).Select(n => (Guid?)n.IncidentId).FirstOrDefaultAsync());
        var claimed = await LetterBatchStore.ClaimAsync(db, incident, [current], 500, Guid.NewGuid(), null, at.AddMinutes(5), default);
        var (after, afterScans) = await ScanningAsync(db, () => LetterBatchStore.Queued(db, [current]).Select(n => (Guid?)n.IncidentId).FirstOrDefaultAsync());

        look.ShouldBe(incident);
        claimed.Count.ShouldBe(5);
        claimed.ShouldAllBe(l => l.Status == DeliveryStatus.Sending && l.CampaignId == current);
        after.ShouldBeNull("nothing is left to print");
        // Which way each look went (this transaction's scans by table and index), not how many rows it read: that would
        // also count the sent letters' old index entries until a vacuum can remove them, which other work may delay.
        // Neither the table nor the primary key: the look the letters benchmark showed walked the primary key through
        // every sent letter. (Which index it takes instead depends on the statistics.)
        (lookScans.Table, lookScans.PrimaryKey).ShouldBe((0L, 0L));
        (afterScans.Table, afterScans.PrimaryKey).ShouldBe((0L, 0L), "with nothing queued, the look must not walk the table for a first match");
    }

    private static async Task AddLettersAsync(NotificationsDbContext db, IEnumerable<Notification> letters)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Notifications.AddRange(letters);
        await AddedRowsCopy.InsertAsync<Notification>(db, default);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// The result of <paramref name="read"/> and its scans of the notifications table and two of its indexes: the
    /// difference of the connection's counts not yet reported, taken around it in one transaction (they may also hold
    /// earlier statements' until the connection reports them, at most once a second, between transactions).
    /// </summary>
    private static async Task<(T Result, Scans Scans)> ScanningAsync<T>(NotificationsDbContext db, Func<Task<T>> read)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var before = await ScansAsync(db);
        var result = await read();
        var after = await ScansAsync(db);
        await transaction.CommitAsync();
        return (result, new Scans(after.Table - before.Table, after.PrimaryKey - before.PrimaryKey, after.QueuedLetters - before.QueuedLetters));
    }

    private static Task<Scans> ScansAsync(NotificationsDbContext db) =>
        db.Database.SqlQueryRaw<Scans>(
            // A table's count is of its sequential scans, an index's of its index scans.
            "SELECT pg_stat_get_xact_numscans('notifications.notifications'::regclass) AS \"Table\", "
            + "pg_stat_get_xact_numscans('notifications.\"PK_notifications\"'::regclass) AS \"PrimaryKey\", "
            + "pg_stat_get_xact_numscans('notifications.\"IX_notifications_queued_letters\"'::regclass) AS \"QueuedLetters\"")
            .SingleAsync();

    private sealed record Scans(long Table, long PrimaryKey, long QueuedLetters);
}
