using System.Diagnostics;
using NotifyHub.Testing;
using NotifyHub.Testing.Notifications;
using Xunit.Abstractions;

namespace NotifyHub.IntegrationTests.Notifications;

/// <summary>
/// Issue 6's "exactly once as people see it": an email campaign over RabbitMQ and PostgreSQL into the real SMTP
/// server, with the notifications worker SIGKILLed mid-campaign (and, separately, the broker restarted). The Maildir
/// must end with one message per person, for the 10,000 people.
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
        // Claimed (committed "sending") but no outcome committed: the only ones a new worker can send a second time.
        var inFlight = await run.InFlightAsync();
        output.WriteLine($"notifications worker SIGKILLed with {atKill} of {People} messages in the Maildir, {inFlight} notifications left 'sending'");
        await run.Cluster["notifications"].StartAsync();

        // Plain SMTP cannot ask the server "do you already have this Message-ID?": a message the server accepted (250)
        // in the instant before the worker's commit is sent again, with the same Message-ID. Everyone gets exactly one
        // distinct message. Only a notification claimed ('sending') and not yet recorded at the kill can be sent twice:
        // in practice the last one or two the server accepted while their outcome was being committed.
        await AssertEveryoneNotifiedOnceAsync(run, allowedResends: inFlight);
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

        await AssertEveryoneNotifiedOnceAsync(run, allowedResends: 0);
        atRestart.ShouldBeLessThan(People, "the restart must happen mid-campaign for this test to mean anything");
    }

    private async Task AssertEveryoneNotifiedOnceAsync(EmailCampaignRun run, long allowedResends)
    {
        var view = await run.WaitUntilAllDeliveredAsync(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(async () => (await run.CampaignAsync()).GetProperty("status").GetString() == "completed",
            TimeSpan.FromSeconds(30), $"campaign: {view}");

        var messages = SmtpMaildir.MessagesWith(run.Marker);
        var distinct = messages.Select(m => m.Message.MessageId).Distinct().Count();
        var people = messages.Select(m => m.Message.To.Mailboxes.Single().Address).Distinct().Count();
        output.WriteLine($"Maildir: {messages.Count} files, {distinct} distinct Message-IDs, {people} distinct recipients, for {People} people");
        distinct.ShouldBe(People);
        people.ShouldBe(People);
        ((long)(messages.Count - distinct)).ShouldBeLessThanOrEqualTo(allowedResends,
            $"{messages.Count - distinct} resends (same Message-ID delivered twice); at most {allowedResends} were claimed and unrecorded at the kill");
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
