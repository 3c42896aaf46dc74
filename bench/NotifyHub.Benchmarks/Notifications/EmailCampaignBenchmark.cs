using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using NotifyHub.Testing;
using NotifyHub.Testing.Notifications;
using System.Diagnostics;
using System.Globalization;

namespace NotifyHub.Benchmarks.Notifications;

/// <summary>
/// <c>email-campaign --people N</c>: an N-person email campaign over RabbitMQ and PostgreSQL (console and notifications
/// as real processes) into the local SMTP server, timed from launch until <c>GET /api/v1/campaigns/{id}</c> reports all
/// delivered (an email counts as delivered when the server answered 250). Then, in the same run, the raw baseline: the
/// very messages the campaign produced, read back from the Maildir, sent by a plain MailKit loop over one connection
/// to the same server. Needs the test servers (<c>source /tmp/testenv.sh</c> or scripts/test.sh's environment).
/// </summary>
public static class EmailCampaignBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var people = 100_000;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--people")
            {
                people = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        System.Console.WriteLine($"email-campaign: {people} people; seeding (not timed)...");
        var setup = Stopwatch.StartNew();
        await using var run = await EmailCampaignRun.StartAsync(people);
        System.Console.WriteLine($"seeded in {setup.Elapsed.TotalSeconds:F1} s");

        var launchedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        var campaign = Stopwatch.StartNew();
        await run.LaunchAsync();
        await run.WaitUntilAllDeliveredAsync(TimeSpan.FromHours(2), TimeSpan.FromMilliseconds(100));
        campaign.Stop();
        var endToEnd = people / campaign.Elapsed.TotalSeconds;

        var files = SmtpMaildir.FilesWith(run.Marker);
        var accepted = files.Select(f => (File.GetLastWriteTimeUtc(f) - launchedAt).TotalSeconds).Order().ToList();
        System.Console.WriteLine($"after launch: first message accepted at {accepted[0]:F1} s, half at {accepted[accepted.Count / 2]:F1} s, " +
            $"last at {accepted[^1]:F1} s; all reported delivered at {campaign.Elapsed.TotalSeconds:F1} s");
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        System.Console.WriteLine($"Maildir holds {messages.Count} messages for this run ({messages.Select(m => m.MessageId).Distinct().Count()} distinct Message-IDs)");
        var baseline = await PlainMailKitLoopAsync(messages);
        var raw = messages.Count / baseline.TotalSeconds;

        System.Console.WriteLine();
        System.Console.WriteLine($"| {"",-44} | {"messages",9} | {"seconds",8} | {"notifications/s",15} |");
        System.Console.WriteLine($"| {"end-to-end campaign (RabbitMQ+PostgreSQL)",-44} | {people,9} | {campaign.Elapsed.TotalSeconds,8:F2} | {endToEnd,15:F1} |");
        System.Console.WriteLine($"| {"plain MailKit loop, one connection",-44} | {messages.Count,9} | {baseline.TotalSeconds,8:F2} | {raw,15:F1} |");
        System.Console.WriteLine($"ratio end-to-end / plain MailKit = {endToEnd / raw:P1} (goal: at least 50%)");
        return 0;
    }

    private static async Task<TimeSpan> PlainMailKitLoopAsync(IReadOnlyList<MimeMessage> messages)
    {
        using var client = new SmtpClient();
        var watch = Stopwatch.StartNew();
        await client.ConnectAsync(TestServers.SmtpHost, TestServers.SmtpPort, SecureSocketOptions.None);
        foreach (var message in messages)
        {
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(quit: true);
        return watch.Elapsed;
    }
}
