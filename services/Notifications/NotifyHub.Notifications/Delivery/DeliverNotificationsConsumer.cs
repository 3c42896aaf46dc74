using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Email;
using NotifyHub.Notifications.Preferences;
using NotifyHub.Notifications.Sms;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Sends emails and SMS, each to each person once. Each message names a batch of notifications (see
/// <see cref="DeliverNotifications"/>), so reading them, their campaigns, projections and suppressions costs a few
/// queries per batch instead of per person. Each send is then its own unit:
/// <list type="number">
/// <item>only a <c>queued</c> notification is sent; anything else (a redelivery, a duplicate) is acknowledged and dropped;</item>
/// <item>one conditional UPDATE claims it, <c>queued → sending</c> with a lease — of two workers holding the same
/// message, only one wins it. An email is claimed at the sender's point of no return (written to the SMTP server all
/// but the end-of-data mark): killed before, the server discards the half message and the broker redelivers it; killed
/// after, the server all but certainly has it and the scheduler records it sent rather than send a duplicate. An SMS
/// is claimed before Twilio is called and sent again if its worker dies (at least once);</item>
/// <item>the provider's answer and the events commit in one transaction: an SMS's before the next send of the batch,
/// the accepted emails of a batch together at its end (their claims already stop a second send).</item>
/// </list>
/// When the host is stopping, the batch's unsent notifications are handed back to the scheduler (due now, so any
/// instance, or this one at its next start, publishes them again) instead of waiting out their throttle slots.
/// </summary>
public sealed partial class DeliverNotificationsConsumer(
    NotificationsDbContext db, RecipientReader reader, TemplateCache cache, TemplateRenderer renderer, IEmailSender email,
    ISmsSender sms, SuppressionList suppressions, DeliveryOutcomes outcomes, ChannelThrottle throttle, QuietHours quietHours,
    SendsInFlight inFlight, IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<DeliverNotificationsConsumer> logger)
    : IConsumer<DeliverNotifications>
{
    public async Task Consume(ConsumeContext<DeliverNotifications> context)
    {
        using var running = inFlight.Enter();
        var ct = context.CancellationToken;
        var ids = context.Message.NotificationIds.Distinct().ToList();
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => ids.Contains(n.Id) && n.Status == DeliveryStatus.Queued && n.Channel != Channel.Letter)
            .ToListAsync(ct);
        if (notifications.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var campaigns = await CampaignStatusesAsync(notifications, ct);
        await CancelAsync(notifications.Where(n => campaigns.GetValueOrDefault(n.CampaignId ?? Guid.Empty) == CampaignStatus.Cancelled), ct);

        // Paused: resume hands them back. NotBefore in the future: the scheduler does, then.
        var due = notifications.Where(n => campaigns.GetValueOrDefault(n.CampaignId ?? Guid.Empty)
            is not (CampaignStatus.Cancelled or CampaignStatus.Paused) && !(n.NotBefore > now)).ToList();
        due = await WithoutStoppedChannelsAsync(due, ct);
        var recipients = await reader.ReadAsync(due, ct);
        var sendable = new List<(Notification Notification, RecipientDetails Recipient)>();
        foreach (var notification in due)
        {
            var recipient = recipients.GetValueOrDefault(notification.Id);
            if (recipient?.Address is not { } address || address.Reveal().Length == 0)
            {
                LogNoAddress(logger, notification.Id);
                await FailAsync(notification.Id, "no_address", ct);
            }
            else if (notification.Channel == Channel.Sms && quietHours.DeferUntil(recipient.Country, now) is { } later)
            {
                await db.Notifications.Where(n => n.Id == notification.Id && n.Status == DeliveryStatus.Queued)
                    .ExecuteUpdateAsync(n => n.SetProperty(x => x.NotBefore, later), ct);
            }
            else
            {
                sendable.Add((notification, recipient));
            }
        }

        var suppressed = await suppressions.SuppressedAsync(
            [.. sendable.Select(s => new SuppressionList.Candidate(s.Notification.Id, s.Notification.IncidentId, s.Notification.Channel, s.Recipient.Address!))], ct);
        var accepted = new List<DeliveryOutcomes.Accepted>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, inFlight.Stopping);
        try
        {
            for (var next = 0; next < sendable.Count; next++)
            {
                var (notification, recipient) = sendable[next];
                if (suppressed.Contains(notification.Id))
                {
                    await outcomes.SuppressAsync(notification.Id, ct);
                    continue;
                }

                try
                {
                    inFlight.Stopping.ThrowIfCancellationRequested();
                    await throttle.WaitAsync(notification.Channel, stopping.Token);
                }
                catch (OperationCanceledException) when (inFlight.Stopping.IsCancellationRequested)
                {
                    await HandBackAsync([.. sendable.Skip(next).Select(s => s.Notification.Id)]);
                    return;
                }

                await SendAsync(notification, recipient, accepted, ct);
            }
        }
        finally
        {
            // Accepted emails are recorded together, even if this consumer is being stopped.
            await outcomes.ApplyAcceptedAsync(accepted, CancellationToken.None);
        }
    }

    private async Task SendAsync(Notification notification, RecipientDetails recipient, List<DeliveryOutcomes.Accepted> accepted, CancellationToken ct)
    {
        var template = await cache.TemplateAsync(db, notification.TemplateId, ct);
        RenderedMessage rendered;
        try
        {
            rendered = renderer.Render(template, recipient.Recipient, await cache.IncidentAsync(db, notification.IncidentId, ct));
        }
        catch (TemplateLimitException)
        {
            // Created before the limits existed or under looser ones: this person's notice fails, the campaign goes on.
            await FailAsync(notification.Id, TemplateLimitException.CodeValue, ct);
            return;
        }

        var (result, deliveredOnAccept) = notification.Channel == Channel.Email
            // No DSN reaches us from plain SMTP: the server's 250 is the last word we get, so it counts as delivered.
            ? (await SendEmailAsync(notification, recipient, rendered, ct), true)
            // Twilio reports delivery later through its status callback; a file written is as delivered as it gets.
            : (await SendSmsAsync(notification, recipient, rendered, ct), !sms.ReportsDeliveryLater);
        if (result.Outcome == SendOutcome.Abandoned)
        {
            return;
        }

        if (result.Outcome == SendOutcome.Sent && notification.Channel == Channel.Email)
        {
            // Its claim already stops a second send: the record can wait for the batch's others.
            accepted.Add(new DeliveryOutcomes.Accepted(notification, result, deliveredOnAccept));
            return;
        }

        // The provider has answered: record it even if this consumer is being stopped (an SMS would be sent again).
        await outcomes.ApplyAsync(notification, result, deliveredOnAccept, recipient.Address, CancellationToken.None);
    }

    /// <summary>
    /// The claim is made in a transaction left open while the message goes out, and committed at the sender's point
    /// of no return, just before SMTP's end-of-data mark. The COMMIT is written without waiting for its answer, so the
    /// mark follows it within microseconds. Killed before, both roll back (PostgreSQL the claim, the server its half
    /// message) and the broker redelivers the notification; killed after, the server has it and the claim says so.
    /// </summary>
    private async Task<SendResult> SendEmailAsync(Notification notification, RecipientDetails recipient, RenderedMessage rendered, CancellationToken ct)
    {
        var name = $"{recipient.Recipient.GivenName.Reveal()} {recipient.Recipient.FamilyName.Reveal()}".Trim();
        var message = new EmailMessage(notification.Id, recipient.Address!, Privacy.Fields.Sensitive.Of(name),
            rendered.Subject ?? "", rendered.Body, rendered.Text ?? "");
        var lease = clock.GetUtcNow() + options.Value.SendLease;
        await using var claim = await db.Database.BeginTransactionAsync(ct);
        if (await NotificationClaim.ClaimAsync(db, notification, lease, ct) == 0)
        {
            return SendResult.Abandoned;
        }

        Task? committing = null;
        var result = await email.SendAsync(message, () =>
        {
            ct.ThrowIfCancellationRequested();
            committing = claim.CommitAsync(CancellationToken.None);
        }, ct);
        if (committing is null)
        {
            // Refused or abandoned before the end-of-data mark: nothing was handed over, nothing stays claimed.
            await claim.RollbackAsync(CancellationToken.None);
            return result;
        }

        await committing;
        notification.Claimed(lease);
        return result;
    }

    private async Task<SendResult> SendSmsAsync(Notification notification, RecipientDetails recipient, RenderedMessage rendered, CancellationToken ct)
    {
        // Twilio's API has no last step to hold back, so the claim comes first. From then on, stopping the consumer
        // (shutdown, a broker connection lost) must not cut the request short, or Twilio may take a message whose
        // outcome we never record. The lease bounds the work instead: past it the scheduler hands the notification to
        // another worker, so a request still waiting for a connection at half the lease gives up.
        using var sending = new CancellationTokenSource(options.Value.SendLease / 2);
        var lease = clock.GetUtcNow() + options.Value.SendLease;
        if (ct.IsCancellationRequested || await NotificationClaim.ClaimAsync(db, notification, lease, sending.Token) == 0)
        {
            return SendResult.Abandoned;
        }

        notification.Claimed(lease);
        return await sms.SendAsync(new SmsMessage(notification.Id, recipient.Address!, rendered.Body, recipient.Country), sending.Token);
    }

    /// <summary>
    /// Queued before the person stopped the channel on the portal: suppressed, and the campaign's next channel tried,
    /// as for an address on the do-not-contact list.
    /// </summary>
    private async Task<List<Notification>> WithoutStoppedChannelsAsync(List<Notification> due, CancellationToken ct)
    {
        var preferences = await ContactPreferences.ForAsync(db, [.. due.Select(n => n.IncidentId).Distinct()],
            [.. due.Select(n => n.PersonId).Distinct()], ct);
        if (preferences.Count == 0)
        {
            return due;
        }

        var kept = new List<Notification>(due.Count);
        foreach (var notification in due)
        {
            if (preferences.GetValueOrDefault((notification.IncidentId, notification.PersonId))?.Stops(notification.Channel) == true)
            {
                await outcomes.SuppressAsync(notification.Id, ct);
            }
            else
            {
                kept.Add(notification);
            }
        }

        return kept;
    }

    /// <summary>Still queued, due now: the scheduler publishes them again. A suppressed one is simply suppressed then.</summary>
    private async Task HandBackAsync(List<Guid> ids)
    {
        var now = clock.GetUtcNow();
        var handedBack = await db.Notifications.Where(n => ids.Contains(n.Id) && n.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.NotBefore, now), CancellationToken.None);
        LogHandedBack(logger, handedBack);
    }

    private async Task<Dictionary<Guid, CampaignStatus>> CampaignStatusesAsync(List<Notification> notifications, CancellationToken ct)
    {
        var campaignIds = notifications.Where(n => n.CampaignId is not null).Select(n => n.CampaignId!.Value).Distinct().ToList();
        return await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Status, ct);
    }

    private async Task CancelAsync(IEnumerable<Notification> cancelled, CancellationToken ct)
    {
        var ids = cancelled.Select(n => n.Id).ToList();
        if (ids.Count > 0)
        {
            await db.Notifications.Where(n => ids.Contains(n.Id) && n.Status == DeliveryStatus.Queued)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.Status, DeliveryStatus.Cancelled), ct);
        }
    }

    private async Task FailAsync(Guid notificationId, string code, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var tracked = await db.Notifications.FirstAsync(n => n.Id == notificationId, ct);
        await outcomes.FailAsync(tracked, code, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Count} unsent notifications handed back to the scheduler")]
    private static partial void LogHandedBack(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} has no readable address for its channel")]
    private static partial void LogNoAddress(ILogger logger, Guid notificationId);
}
