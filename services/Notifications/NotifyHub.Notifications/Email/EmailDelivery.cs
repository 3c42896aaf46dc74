using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Templates;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Email;

/// <summary>
/// An email, claimed at the sender's point of no return. The claim is made in a transaction left open while the
/// message goes out, and committed just before SMTP's end-of-data mark (see <see cref="ClaimingBody"/>). The COMMIT
/// is written without waiting for its answer, so the mark follows it within microseconds. Killed before, both roll
/// back (the database the claim, the server its half message) and the broker redelivers the notification; killed
/// after, the server has it and the claim says so.
/// </summary>
public sealed class EmailDelivery(NotificationsDbContext db, IEmailSender email, IOptions<NotificationsOptions> options, TimeProvider clock)
    : IChannelDelivery
{
    public Channel Channel => Channel.Email;

    // No DSN reaches us from plain SMTP: the server's 250 is the last word we get.
    public bool DeliveredOnAccept => true;

    public bool RecordsAtBatchEnd => true;

    public async Task<SendResult> SendAsync(Notification notification, RecipientDetails recipient, RenderedMessage rendered, CancellationToken ct)
    {
        var name = $"{recipient.Recipient.GivenName.Reveal()} {recipient.Recipient.FamilyName.Reveal()}".Trim();
        var message = new EmailMessage(notification.Id, recipient.Address!, Sensitive.Of(name),
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
}
