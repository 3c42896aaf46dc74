using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Pages.Notices;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;

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
        var figures = await NoticeFigures.ReadAsync(scope.ServiceProvider.GetRequiredService<Database.NotificationsDbContext>(),
            scope.ServiceProvider.GetRequiredService<NoticesSentByHour>(), incident, CancellationToken.None);

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
}
