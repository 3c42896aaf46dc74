using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Privacy.Fields;
using NotifyHub.Testing;
using NotifyHub.Testing.Notifications;
using NotifyHub.Testing.Parties;

namespace NotifyHub.Notifications.Tests.Delivery;

/// <summary>Suppressions, SMS quiet hours and per-channel throttles, all on an injected clock: assertions are on scheduled times, never on the wall clock.</summary>
public sealed class Suppression_quiet_hours_and_throttle
{
    // 23:00 in Tokyo (UTC+9, no DST), 14:00 in London (GMT in January).
    private static readonly DateTimeOffset TokyoEleven = new(2027, 1, 15, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_suppressed_address_is_not_sent_and_first_available_falls_back_to_a_letter()
    {
        await using var app = await NotificationsApp.StartAsync();
        var incident = await app.OpenIncidentAsync();
        var optedOut = TestPerson.Create(1, email: "opted.out@example.test", address: "1 High Street");
        var reachable = TestPerson.Create(2, email: "reachable@example.test", address: "2 High Street");
        await app.SeedAndWaitAsync(incident, [optedOut, reachable]);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            // Spelled differently from the import: the blind index normalises before comparing.
            await scope.ServiceProvider.GetRequiredService<SuppressionList>()
                .AddAsync(incident, Channel.Email, Sensitive.Of("Opted.Out@Example.TEST"), SuppressionReason.OptOut);
            await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync();
        }

        var campaign = await app.CreateCampaignAsync(incident, ["email", "letter"], "first-available", await app.StandardTemplatesAsync(incident));
        await app.LaunchAsync(campaign);
        var view = await app.WaitForCampaignAsync(campaign);

        var email = view.GetProperty("byChannel").GetProperty("email");
        email.GetProperty("suppressed").GetInt32().ShouldBe(1);
        email.GetProperty("delivered").GetInt32().ShouldBe(1);
        view.GetProperty("byChannel").GetProperty("letter").GetProperty("delivered").GetInt32().ShouldBe(1);
        var sent = (await OutboxFiles.EmailsAsync(app.Factory.Services, app.Factory.DataDirectory)).Select(OutboxFiles.Text).ToList();
        sent.Count.ShouldBe(1);
        sent[0].ShouldContain(reachable.ReferenceCode);
        var letters = string.Concat((await LetterBatchReader.ReadAllAsync(app)).Select(b => b.Text));
        letters.ShouldContain(optedOut.ReferenceCode);
        letters.ShouldNotContain(reachable.ReferenceCode);
    }

    [Fact]
    public async Task An_sms_to_a_japanese_number_at_23_00_JST_waits_until_quiet_hours_end_at_08_00_JST()
    {
        var clock = new ManualTimeProvider(TokyoEleven);
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Notifications:QuietHoursStart"] = "21:00",
            ["NotifyHub:Notifications:QuietHoursEnd"] = "08:00",
        }, clock);
        var incident = await app.OpenIncidentAsync();
        var tokyo = TestPerson.Create(1, "ja", phone: "090-1234-5678", country: "JP");
        var london = TestPerson.Create(2, phone: "07911 000002");
        await app.SeedAndWaitAsync(incident, [tokyo, london]);
        var campaign = await app.CreateCampaignAsync(incident, ["sms"], "all", await app.StandardTemplatesAsync(incident));

        await app.LaunchAsync(campaign);
        var deferredUntil = new DateTimeOffset(2027, 1, 15, 23, 0, 0, TimeSpan.Zero); // 08:00 JST on the 16th
        Notification? waiting = null;
        await Eventually.TrueAsync(async () =>
        {
            var all = await app.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.CampaignId == campaign).ToListAsync());
            waiting = all.SingleOrDefault(n => n.PersonId == tokyo.Id);
            return all.Any(n => n.PersonId == london.Id && n.Status == DeliveryStatus.Delivered) && waiting?.NotBefore is not null;
        }, TimeSpan.FromSeconds(30));

        waiting!.NotBefore.ShouldBe(deferredUntil);
        waiting.Status.ShouldBe(DeliveryStatus.Queued);
        (await SmsFilesAsync(app)).ShouldHaveSingleItem().ShouldContain(london.ReferenceCode);

        clock.Advance(TimeSpan.FromHours(9) - TimeSpan.FromMinutes(1)); // 07:59 JST: still quiet
        await Task.Delay(TimeSpan.FromSeconds(1)); // several scheduler passes (every 200 ms)
        (await SmsFilesAsync(app)).Count.ShouldBe(1);

        clock.Advance(TimeSpan.FromMinutes(1)); // 08:00 JST
        await app.SignInAgainAsync(); // the token issued at 23:00 JST has expired on the moved clock
        var view = await app.WaitForCampaignAsync(campaign);
        view.GetProperty("delivered").GetInt32().ShouldBe(2);
        (await SmsFilesAsync(app)).Count.ShouldBe(2);
        (await SmsFilesAsync(app)).ShouldContain(s => s.Contains(tokyo.ReferenceCode, StringComparison.Ordinal) && s.Contains("+819012345678", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task The_throttle_spaces_sends_one_interval_apart_per_channel_across_workers(string provider)
    {
        var clock = new ManualTimeProvider(TokyoEleven);
        await using var database = provider == "PostgreSql" ? await PostgresDatabase.CreateAsync() : null;
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = provider,
            ["ConnectionStrings:NotifyHub"] = database?.ConnectionString,
            ["NotifyHub:Notifications:Throttle:Email"] = "4",
            ["NotifyHub:Notifications:Throttle:Sms"] = "2",
        }, clock);
        // Two workers: each its own scope and database connection, sharing the pace.
        await using var first = app.Factory.Services.CreateAsyncScope();
        await using var second = app.Factory.Services.CreateAsyncScope();
        var workers = new[] { first, second }.Select(s => s.ServiceProvider.GetRequiredService<ChannelThrottle>()).ToArray();
        async Task<double> Reserve(int worker, Channel channel) => (await workers[worker].ReserveAsync(channel, default)).TotalMilliseconds;

        // Four emails at the same instant from alternating workers: slots 0, 250, 500, 750 ms; SMS keep their own pace.
        double[] emails = [await Reserve(0, Channel.Email), await Reserve(1, Channel.Email), await Reserve(0, Channel.Email), await Reserve(1, Channel.Email)];
        emails.ShouldBe([0, 250, 500, 750]);
        double[] sms = [await Reserve(1, Channel.Sms), await Reserve(0, Channel.Sms)];
        sms.ShouldBe([0, 500]);
        (await Reserve(0, Channel.Letter)).ShouldBe(0); // unlimited

        // 300 ms later the next free email slot is still 1 s after the first: 700 ms from now, whichever worker asks.
        clock.Advance(TimeSpan.FromMilliseconds(300));
        (await Reserve(1, Channel.Email)).ShouldBe(700);

        // After an idle spell there is no burst credit: the first send goes now, the next one interval later.
        clock.Advance(TimeSpan.FromSeconds(10));
        (await Reserve(0, Channel.Email)).ShouldBe(0);
        (await Reserve(1, Channel.Email)).ShouldBe(250);
    }

    private static async Task<List<string>> SmsFilesAsync(NotificationsApp app)
    {
        return [.. (await OutboxFiles.SmsAsync(app.Factory.Services, app.Factory.DataDirectory)).Select(Read)];

        // "to" and "body" as written (the file's JSON escapes '+' and non-ASCII).
        static string Read(string file)
        {
            using var json = System.Text.Json.JsonDocument.Parse(file);
            return json.RootElement.GetProperty("to").GetString() + " " + json.RootElement.GetProperty("body").GetString();
        }
    }
}
