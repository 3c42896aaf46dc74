using NotifyHub.Testing;
using NotifyHub.Testing.Notifications;
using System.Diagnostics;
using Xunit.Abstractions;

namespace NotifyHub.IntegrationTests.Notifications;

/// <summary>
/// Issue 6's "exactly once as people see it": an email campaign over RabbitMQ and PostgreSQL into the real SMTP
/// server, with the notifications worker SIGKILLed mid-campaign (and, separately, the broker restarted). The Maildir
/// must end with exactly one message per person, for the 10,000 people.
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

        var view = await AssertEveryoneNotifiedOnceAsync(run);
        (view.GetProperty("sent").GetInt32() + view.GetProperty("delivered").GetInt32()).ShouldBe(People);
        view.GetProperty("sent").GetInt32().ShouldBeLessThanOrEqualTo((int)inFlight, "only a notification claimed and unanswered at the kill stays 'sent' without the server's 250");
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
        var view = await run.WaitUntilCompletedAsync(TimeSpan.FromMinutes(5));
        output.WriteLine($"campaign: {view}");
        view.GetProperty("failed").GetInt32().ShouldBe(0);

        var messages = SmtpMaildir.MessagesWith(run.Marker);
        var distinct = messages.Select(m => m.Message.MessageId).Distinct().Count();
        var people = messages.Select(m => m.Message.To.Mailboxes.Single().Address).Distinct().Count();
        output.WriteLine($"Maildir: {messages.Count} files, {distinct} distinct Message-IDs, {people} distinct recipients, for {People} people");
        people.ShouldBe(People, "everyone notified");
        messages.Count.ShouldBe(People, "and each exactly once");
        distinct.ShouldBe(People);
        return view;
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
