using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Pages.Notices;
using NotifyHub.Notifications.Tallies;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;
using System.Globalization;

namespace NotifyHub.Notifications.Tests.Dashboard;

/// <summary>The incident dashboard's notice figures, on both providers: counts by channel and status, and by hour.</summary>
public sealed class Dashboard_figures
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_finished_campaign_shows_in_its_counts_and_in_the_current_hour(string provider)
    {
        await using var database = provider == "PostgreSql" ? await PostgresDatabase.CreateAsync() : null;
        var settings = new Dictionary<string, string?> { ["NotifyHub:Letters:BatchSize"] = "100" };
        if (database is not null)
        {
            settings["NotifyHub:Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:NotifyHub"] = database.ConnectionString;
        }

        await using var app = await NotificationsApp.StartAsync(settings);
        var incident = await app.OpenIncidentAsync();
        // 12 by email, 5 by SMS only: the current hour holds 12 + 5 sends; the other 23 hours hold none.
        var people = Enumerable.Range(0, 17).Select(i => TestPerson.Create(i, "en",
            email: i < 12 ? $"figures{i}@example.test" : null, phone: i >= 12 ? $"+447911{i:D6}" : null)).ToList();
        await app.SeedAndWaitAsync(incident, people);
        var templates = await app.StandardTemplatesAsync(incident);
        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms"], "first-available", templates);
        await app.LaunchAsync(campaign);
        await app.WaitForCampaignAsync(campaign, seconds: 60);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var figures = await NoticeFigures.ReadAsync(scope.ServiceProvider.GetRequiredService<NoticeTallies>(), scope.ServiceProvider.GetRequiredService<NoticesSentByHour>(),
            incident, CancellationToken.None);

        figures.People.ShouldBe(17);
        figures.Count(Channel.Email, DeliveryStatus.Delivered).ShouldBe(12);
        figures.Count(Channel.Sms, DeliveryStatus.Delivered).ShouldBe(5);
        figures.Count(Channel.Letter, DeliveryStatus.Delivered).ShouldBe(0);
        figures.SentByHour.Count.ShouldBe(NoticesSentByHour.Hours);
        var now = TimeProvider.System.GetUtcNow();
        var current = figures.SentByHour[^1];
        (now - current.Hour).ShouldBeLessThan(TimeSpan.FromHours(1.05), "the last column is this hour (or the one just ended)");
        figures.SentByHour.Sum(h => h.Sent.GetValueOrDefault(Channel.Email)).ShouldBe(12);
        figures.SentByHour.Sum(h => h.Sent.GetValueOrDefault(Channel.Sms)).ShouldBe(5);
        figures.SentByHour.Take(NoticesSentByHour.Hours - 2).ShouldAllBe(h => h.Sent.Count == 0, "nothing was sent a day ago");
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task The_tallies_follow_bulk_updates_and_deletes_and_match_a_recount_after_folding(string provider)
    {
        await using var database = provider == "PostgreSql" ? await PostgresDatabase.CreateAsync() : null;
        var settings = new Dictionary<string, string?>();
        if (database is not null)
        {
            settings["NotifyHub:Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:NotifyHub"] = database.ConnectionString;
        }

        await using var app = await NotificationsApp.StartAsync(settings);
        var incident = await app.OpenIncidentAsync();
        var people = Enumerable.Range(0, 10).Select(i => TestPerson.Create(i, "en", email: $"tally{i}@example.test",
            phone: i % 2 == 0 ? $"+447911{i:D6}" : null)).ToList();
        await app.SeedAndWaitAsync(incident, people);
        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms"], "all", await app.StandardTemplatesAsync(incident));
        await app.LaunchAsync(campaign);
        await app.WaitForCampaignAsync(campaign, seconds: 60);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var tallies = scope.ServiceProvider.GetRequiredService<NoticeTallies>();
        (await tallies.CountsAsync(incident, default)).ShouldBe(await RecountAsync(db, incident), ignoreOrder: true);

        // Writes that no entity method makes: a bulk status change, a bulk move of sent times, a bulk delete.
        await db.Notifications.Where(n => n.IncidentId == incident && n.Channel == Channel.Sms)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Status, DeliveryStatus.Failed));
        var earlier = TimeProvider.System.GetUtcNow().AddHours(-5);
        await db.Notifications.Where(n => n.IncidentId == incident && n.Channel == Channel.Email).OrderBy(n => n.Id).Take(3)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.SentAt, earlier));
        await db.Notifications.Where(n => n.IncidentId == incident && n.Channel == Channel.Email).OrderByDescending(n => n.Id).Take(2)
            .ExecuteDeleteAsync();

        (await tallies.CountsAsync(incident, default)).ShouldBe(await RecountAsync(db, incident), ignoreOrder: true);
        (await tallies.CountsAsync(incident, default)).ShouldBe(await RecountAsync(db, incident), ignoreOrder: true, "folded twice");
        var sent = await tallies.SentAsync(incident, HourOf(TimeProvider.System.GetUtcNow().AddDays(-1)), default);
        var recount = (await db.Notifications.AsNoTracking().Where(n => n.IncidentId == incident && n.SentAt != null).ToListAsync())
            .GroupBy(n => (n.Channel.ToCode(), HourOf(n.SentAt!.Value)))
            .Select(g => (g.Key.Item1, g.Key.Item2, (long)g.Count())).ToList();
        sent.ShouldBe(recount, ignoreOrder: true);
        sent.Sum(s => s.Count).ShouldBe(8 + 5 + 0, "10 emails less 2 deleted, 5 SMS (failed later, but they were sent)");
        sent.Where(s => s.Channel == "email" && s.Hour == HourOf(earlier)).Sum(s => s.Count).ShouldBe(3, "3 emails moved 5 hours back");

        // People: each arrived as an email and (half of them) an SMS projection, in messages consumed side by side.
        (await tallies.PeopleAsync(incident, default)).ShouldBe(10);
        await db.AffectedParties.Where(p => p.IncidentId == incident && p.Purpose == Purpose.Sms).ExecuteDeleteAsync();
        (await tallies.PeopleAsync(incident, default)).ShouldBe(10, "everyone still has an email projection");
        var leaving = await db.AffectedParties.AsNoTracking().Where(p => p.IncidentId == incident).Select(p => p.PersonId).FirstAsync();
        await db.AffectedParties.Where(p => p.IncidentId == incident && p.PersonId == leaving).ExecuteDeleteAsync();
        (await tallies.PeopleAsync(incident, default)).ShouldBe(9, "one person's last projection is gone");
    }

    private static string HourOf(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture);

    private static async Task<List<(string Channel, string Status, long Count)>> RecountAsync(NotificationsDbContext db, Guid incident) =>
        [.. (await db.Notifications.AsNoTracking().Where(n => n.IncidentId == incident).ToListAsync())
            .GroupBy(n => (n.Channel.ToCode(), n.Status.ToCode())).Select(g => (g.Key.Item1, g.Key.Item2, (long)g.Count()))];
}
