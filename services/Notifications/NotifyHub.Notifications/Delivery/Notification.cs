using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// One message to one person on one channel for one campaign. The unique (campaign, person, channel) key makes
/// "one notification per person" a database fact, whatever the bus redelivers. Holds no personal data: the
/// address is read from the person's encrypted projection at send time.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public Guid? CampaignId { get; init; }

    public Guid PersonId { get; init; }

    public Channel Channel { get; init; }

    public Guid TemplateId { get; init; }

    public DeliveryStatus Status { get; private set; } = DeliveryStatus.Queued;

    public int Attempts { get; private set; }

    /// <summary>The provider's id (Twilio's MessageSid, the SMTP Message-ID), used to match status callbacks.</summary>
    public string? ProviderMessageId { get; private set; }

    /// <summary>The provider's error code or status line of the last failed attempt; never an address.</summary>
    public string? ErrorCode { get; private set; }

    public DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool MarkSent(string? providerMessageId, DateTimeOffset at)
    {
        if (Status != DeliveryStatus.Queued)
        {
            return false;
        }

        Status = DeliveryStatus.Sent;
        ProviderMessageId = providerMessageId;
        SentAt = at;
        Attempts++;
        return true;
    }

    /// <summary>A status callback can overtake the send's own commit, so delivered is accepted from queued too.</summary>
    public bool MarkDelivered(DateTimeOffset at)
    {
        if (Status is not (DeliveryStatus.Queued or DeliveryStatus.Sent))
        {
            return false;
        }

        Status = DeliveryStatus.Delivered;
        CompletedAt = at;
        return true;
    }

    public bool MarkFailed(string code, DateTimeOffset at)
    {
        if (Status is not (DeliveryStatus.Queued or DeliveryStatus.Sent))
        {
            return false;
        }

        Status = DeliveryStatus.Failed;
        ErrorCode = Truncate(code);
        CompletedAt = at;
        return true;
    }

    /// <summary>A retryable failure: the notification stays queued for the next attempt.</summary>
    public void RecordRetryableFailure(string code)
    {
        Attempts++;
        ErrorCode = Truncate(code);
    }

    public bool Suppress(DateTimeOffset at) => Close(DeliveryStatus.Suppressed, at);

    public bool Cancel(DateTimeOffset at) => Close(DeliveryStatus.Cancelled, at);

    private bool Close(DeliveryStatus status, DateTimeOffset at)
    {
        if (Status != DeliveryStatus.Queued)
        {
            return false;
        }

        Status = status;
        CompletedAt = at;
        return true;
    }

    private static string Truncate(string code) => code.Length <= 200 ? code : code[..200];

    internal sealed class Configuration : IEntityTypeConfiguration<Notification>
    {
        public void Configure(EntityTypeBuilder<Notification> notification)
        {
            notification.ToTable("notifications");
            notification.HasKey(n => n.Id);
            notification.Property(n => n.Channel).HasConversion(c => c.ToCode(), s => ChannelCodes.Parse(s)).HasMaxLength(10);
            notification.Property(n => n.Status).HasConversion(s => s.ToCode(), s => DeliveryStatusCodes.Parse(s)).HasMaxLength(12);
            notification.Property(n => n.ProviderMessageId).HasMaxLength(200);
            notification.Property(n => n.ErrorCode).HasMaxLength(200);
            notification.HasIndex(n => new { n.CampaignId, n.PersonId, n.Channel }).IsUnique();
            notification.HasIndex(n => n.ProviderMessageId);
            notification.HasIndex(n => new { n.CampaignId, n.Status });
        }
    }
}
