using NotifyHub.Testing;
using NotifyHub.Testing.Notifications;
using System.Diagnostics;
using Xunit.Abstractions;

namespace NotifyHub.IntegrationTests.Notifications;

/// <summary>
/// Issue 6's "exactly once as people see it": an email campaign over RabbitMQ and PostgreSQL into the real SMTP
/// server, with the notifications worker SIGKILLed mid-campaign (and, separately, the broker restarted). The Maildir
/// must end with exactly one message per person, for the 10,000 people, but for the one message a kill at the
/// end-of-data mark may lose by design.
/// </summary>
public sealed class An_email_campaign_survives_crashes(ITestOutputHelper output)
{
    private const int People = 10_000;

    [Fact]
    public async Task Killing_the_notifications_worker_mid_campaign_leaves_one_message_per_person()
    {
        // A killed worker's claims come back after this lease (default 1 min).
        await using var run = await EmailCampaignRun.StartAsync(People, new Dictionary<string, string> { ["NotifyHub__Notifications__SendLease"] = "00:00:05" });
        await run.LaunchAsync();

        await run.WaitForSentAsync(People / 5);
        run.Cluster["notifications"].Kill();
        var atKill = run.MaildirFiles().Count;
        // Claimed at the end-of-data mark with no answer recorded: the server all but certainly has them. After the
        // lease they are recorded sent, never sent again.
        // Read a few times and keep the most: a COMMIT the worker sent just before it died may still be waiting in the
        // database server's socket (a loaded machine), and it lands after the process is gone.
        var inFlight = 0L;
        for (var read = 0; read < 4; read++)
        {
            inFlight = Math.Max(inFlight, await run.InFlightAsync());
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        output.WriteLine($"notifications worker SIGKILLed with {atKill} of {People} messages in the Maildir, {inFlight} notifications left 'sending'");
        // The restarted worker gets the default lease: its own sends, slow on a loaded machine, must not outlive their
        // lease and be recorded 'sent' as a dead worker's are. The dead worker's claims keep their 5 s lease.
        run.Cluster["notifications"].SetEnvironment("NotifyHub__Notifications__SendLease", "00:01:00");
        await run.Cluster["notifications"].StartAsync();

        var (view, received) = await WaitForCampaignAsync(run);
        var sent = view.GetProperty("sent").GetInt32();
        (sent + view.GetProperty("delivered").GetInt32()).ShouldBe(People);
        sent.ShouldBeLessThanOrEqualTo((int)inFlight, "only a notification claimed and unanswered at the kill stays 'sent' without the server's 250");
        // The design's one window (decision 0002): the claim's COMMIT leaves microseconds before the end-of-data mark,
        // and a kill that lands between them loses that message; it is recorded 'sent', never sent twice. Seen once
        // in dozens of runs (a GC pause can widen the gap). Two losses would mean the gap is wider than designed, as
        // it was when the body's tail followed the COMMIT.
        var lost = People - received;
        lost.ShouldBeLessThanOrEqualTo(1, "only a kill between the claim's COMMIT and the end-of-data mark loses a message");
        lost.ShouldBeLessThanOrEqualTo(sent, "a lost message is one recorded 'sent' without the server's answer");
        atKill.ShouldBeLessThan(People, "the kill must happen mid-campaign for this test to mean anything");
    }

    [Fact]
    public async Task Restarting_RabbitMq_mid_campaign_leaves_one_message_per_person()
    {
        await using var run = await EmailCampaignRun.StartAsync(People);
        await run.LaunchAsync();

        await run.WaitForSentAsync(People / 5);
        var atRestart = run.MaildirFiles().Count;
        await RestartBrokerAsync();
        output.WriteLine($"RabbitMQ restarted; {atRestart} of {People} messages were in the Maildir when it began");

        var view = await AssertEveryoneNotifiedOnceAsync(run);
        view.GetProperty("delivered").GetInt32().ShouldBe(People, "the worker lived: every message has the server's answer");
        atRestart.ShouldBeLessThan(People, "the restart must happen mid-campaign for this test to mean anything");
    }

    /// <summary>Waits for the campaign to complete, then checks the Maildir holds exactly one message per person.</summary>
    private async Task<System.Text.Json.JsonElement> AssertEveryoneNotifiedOnceAsync(EmailCampaignRun run)
    {
        var (view, received) = await WaitForCampaignAsync(run);
        received.ShouldBe(People, "everyone notified");
        return view;
    }

    /// <summary>
    /// Waits for the campaign to complete with nothing failed, checks the Maildir holds no one twice, and returns how
    /// many people it holds a message for.
    /// </summary>
    private async Task<(System.Text.Json.JsonElement View, int Received)> WaitForCampaignAsync(EmailCampaignRun run)
    {
        var view = await run.WaitUntilCompletedAsync(TimeSpan.FromMinutes(5));
        output.WriteLine($"campaign: {view}");
        view.GetProperty("failed").GetInt32().ShouldBe(0);

        var messages = SmtpMaildir.MessagesWith(run.Marker);
        var distinct = messages.Select(m => m.Message.MessageId).Distinct().Count();
        var people = messages.Select(m => m.Message.To.Mailboxes.Single().Address).Distinct().Count();
        output.WriteLine($"Maildir: {messages.Count} files, {distinct} distinct Message-IDs, {people} distinct recipients, for {People} people");
        messages.Count.ShouldBe(people, "no one notified twice");
        distinct.ShouldBe(people);
        return (view, people);
    }

    private static async Task RestartBrokerAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", TestServers.RabbitMqRestartCommand])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        process.ExitCode.ShouldBe(0, error);
    }
}
