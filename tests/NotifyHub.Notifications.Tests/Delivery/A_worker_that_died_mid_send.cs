using Microsoft.EntityFrameworkCore;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;

namespace NotifyHub.Notifications.Tests.Delivery;

/// <summary>
/// What the scheduler does with a notification a dead worker left <c>sending</c>, once its lease has passed. An email is
/// claimed only at SMTP's point of no return, so it is recorded sent (a resend would be a duplicate); an SMS is claimed
/// before Twilio is called, so it is queued to be sent again.
/// </summary>
public sealed class A_worker_that_died_mid_send
{
    [Fact]
    public async Task Leaves_an_email_recorded_sent_and_an_sms_queued_again_after_their_lease()
    {
        var clock = new ManualTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?> { ["NotifyHub:Notifications:SendLease"] = "00:01:00" }, clock);
        var now = clock.GetUtcNow();
        Notification Claimed(Channel channel)
        {
            var notification = Notification.Queue(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), channel, Guid.NewGuid(), now);
            notification.Claimed(now + TimeSpan.FromMinutes(1));
            return notification;
        }

        var email = Claimed(Channel.Email);
        var sms = Claimed(Channel.Sms);
        await app.QueryAsync(db =>
        {
            db.Notifications.AddRange(email, sms);
            return db.SaveChangesAsync();
        });

        // Within the lease nothing moves: the worker may still be alive and about to record the server's answer.
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await StatusesAsync(app, email, sms)).ShouldBe([DeliveryStatus.Sending, DeliveryStatus.Sending]);

        clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(async () => (await StatusesAsync(app, email, sms)).SequenceEqual([DeliveryStatus.Sent, DeliveryStatus.Queued]),
            TimeSpan.FromSeconds(20));
        var stored = await app.QueryAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == email.Id));
        stored.ProviderMessageId.ShouldBeNull("no server answer was ever recorded for it");
        stored.Attempts.ShouldBe(1, "recorded, not sent again");
    }

    private static async Task<DeliveryStatus[]> StatusesAsync(NotificationsApp app, params Notification[] notifications)
    {
        var ids = notifications.Select(n => n.Id).ToList();
        var statuses = await app.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.Status));
        return [.. ids.Select(id => statuses[id])];
    }
}
