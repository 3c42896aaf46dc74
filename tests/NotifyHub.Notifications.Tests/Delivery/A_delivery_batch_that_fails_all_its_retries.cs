using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Email;
using NotifyHub.Notifications.Templates;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing.Notifications;
using NotifyHub.Testing.Parties;

namespace NotifyHub.Notifications.Tests.Delivery;

/// <summary>
/// An outage longer than the bus's retries (here the email channel throws for its first sends) fails a delivery batch
/// for good. Its notifications must not be stranded, still queued with no message left to send them: they are handed
/// to the scheduler and sent once the outage is over, each once.
/// </summary>
public sealed class A_delivery_batch_that_fails_all_its_retries
{
    private const int People = 6;

    [Fact]
    public async Task Is_handed_back_to_the_scheduler_and_sent_after_the_outage()
    {
        var outage = new EmailOutage();
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Bus:RetryLimit"] = "1",
            ["NotifyHub:Notifications:FailedBatchPause"] = "00:00:02",
        }, services: services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IChannelDelivery) && d.ImplementationType == typeof(EmailDelivery));
            services.Remove(real);
            services.AddSingleton(outage);
            services.AddScoped<IChannelDelivery, FailingWhileDown>();
            services.AddScoped<EmailDelivery>();
        });
        var incident = await app.OpenIncidentAsync();
        await app.SeedAndWaitAsync(incident, [.. Enumerable.Range(0, People).Select(i => TestPerson.Create(i, email: $"f{i}@example.test"))]);
        var template = await app.CreateTemplateAsync(incident, SampleTemplates.Email);
        var campaign = await app.CreateCampaignAsync(incident, ["email"], "all", new() { ["email"] = template });

        await app.LaunchAsync(campaign);
        await outage.FailedTwiceAsync.WaitAsync(TimeSpan.FromSeconds(60));
        outage.End();

        var done = await app.WaitForCampaignAsync(campaign, seconds: 60);
        done.GetProperty("delivered").GetInt32().ShouldBe(People);
        outage.Failures.ShouldBeGreaterThanOrEqualTo(2, "the first try and the bus's one retry");
        var emails = await OutboxFiles.EmailsAsync(app.Factory.Services, app.Factory.DataDirectory);
        emails.Select(m => m.To.ToString()).Distinct().Count().ShouldBe(People, "one email per person, none twice");
        emails.Count.ShouldBe(People);
    }

    private sealed class EmailOutage
    {
        private readonly TaskCompletionSource _failedTwice = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _down = true;
        private int _failures;

        public int Failures => _failures;

        public Task FailedTwiceAsync => _failedTwice.Task;

        public void End() => _down = false;

        public void ThrowIfDown()
        {
            if (!_down)
            {
                return;
            }

            if (Interlocked.Increment(ref _failures) >= 2)
            {
                _failedTwice.TrySetResult();
            }

            throw new IOException("mail relay unreachable (test outage)");
        }
    }

    /// <summary>The real email delivery, behind an outage that throws before anything is claimed or sent.</summary>
    private sealed class FailingWhileDown(EmailOutage outage, EmailDelivery email) : IChannelDelivery
    {
        public Channel Channel => Channel.Email;

        public bool DeliveredOnAccept => email.DeliveredOnAccept;

        public bool RecordsAtBatchEnd => email.RecordsAtBatchEnd;

        public Task<SendResult> SendAsync(Notification notification, RecipientDetails recipient, RenderedMessage rendered, CancellationToken ct)
        {
            outage.ThrowIfDown();
            return email.SendAsync(notification, recipient, rendered, ct);
        }
    }
}
