using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tallies;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;

namespace NotifyHub.Notifications.Tests.Campaigns;

/// <summary>
/// A launch page's rows go into PostgreSQL by binary COPY (<see cref="AddedRowsCopy"/>): what is read back must be what
/// SaveChanges would have written, converted columns, empty columns and the tally triggers included.
/// </summary>
public sealed class Enrolment_rows_by_copy
{
    [Fact]
    public async Task Reads_back_as_added_with_the_tallies_kept()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await NotificationsApp.StartOnPostgreSqlAsync(database);
        var (incident, campaign, at) = (Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 12, 4, 9, 30, 15, TimeSpan.Zero).AddTicks(1230));
        var letter = Notification.Queue(incident, campaign, Guid.NewGuid(), Channel.Letter, Guid.NewGuid(), at);
        var sms = Notification.Queue(incident, campaign, Guid.NewGuid(), Channel.Sms, Guid.NewGuid(), at);
        // Times to the microsecond (timestamptz's precision); NotBefore is stored as ticks, to the tick.
        sms.NotBefore = at.AddMinutes(5).AddTicks(7);
        var recipient = new CampaignRecipient { CampaignId = campaign, PersonId = letter.PersonId, EnrolledAt = at };

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notifications.AddRange(letter, sms);
            db.CampaignRecipients.Add(recipient);
            await AddedRowsCopy.InsertAsync<Notification>(db, default);
            await AddedRowsCopy.InsertAsync<CampaignRecipient>(db, default);

            db.ChangeTracker.Entries().ShouldBeEmpty("copied rows are detached, so SaveChanges does not insert them again");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var stored = await db.Notifications.AsNoTracking().Where(n => n.IncidentId == incident).ToDictionaryAsync(n => n.Id);
            stored.Count.ShouldBe(2);
            stored[letter.Id].ShouldBeEquivalentTo(letter);
            stored[sms.Id].ShouldBeEquivalentTo(sms);
            (await db.CampaignRecipients.AsNoTracking().SingleAsync(r => r.CampaignId == campaign)).ShouldBeEquivalentTo(recipient);
            var tallies = scope.ServiceProvider.GetRequiredService<NoticeTallies>();
            (await tallies.CountsAsync(incident, default)).OrderBy(c => c.Channel).ShouldBe([("letter", "queued", 1L), ("sms", "queued", 1L)]);
        }
    }

    [Fact]
    public async Task Refuses_to_write_outside_the_callers_transaction()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await NotificationsApp.StartOnPostgreSqlAsync(database);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.Notifications.Add(Notification.Queue(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Channel.Email, Guid.NewGuid(), TimeProvider.System.GetUtcNow()));

        await Should.ThrowAsync<InvalidOperationException>(() => AddedRowsCopy.InsertAsync<Notification>(db, default));
        db.ChangeTracker.Entries<Notification>().ShouldHaveSingleItem().State.ShouldBe(EntityState.Added, "nothing was written or detached");
    }
}
