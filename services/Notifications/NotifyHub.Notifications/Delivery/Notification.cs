using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// One message to one person on one channel for one campaign. The unique (campaign, person, channel) key makes
/// "one notification per person and channel" a database fact, whatever the bus redelivers. Holds no personal data:
/// the address is read from the person's encrypted projection at send time.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public Guid? CampaignId { get; init; }

    public Guid PersonId { get; init; }

    public Channel Channel { get; init; }

    /// <summary>The exact template version this notification is rendered from.</summary>
    public Guid TemplateId { get; init; }

    public DeliveryStatus Status { get; private set; } = DeliveryStatus.Queued;

    public int Attempts { get; private set; }

    /// <summary>The provider's id (Twilio's MessageSid, the SMTP Message-ID, the letter batch), to match status callbacks.</summary>
    public string? ProviderMessageId { get; private set; }

    /// <summary>The provider's error code or status line of the last failed attempt; never an address.</summary>
    public string? ErrorCode { get; private set; }

    /// <summary>Not to be sent before this (a retry's backoff, SMS quiet hours); the scheduler republishes it then.</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>While <see cref="DeliveryStatus.Sending"/>: the worker that claimed it owns it until then.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>Letters: the print-house batch that carries it (fixed at claim, so a retried batch has the same letters).</summary>
    public Guid? BatchId { get; private set; }

    /// <summary>Letters: the registered print house the batch was claimed for (none: the built-in outbox folder).</summary>
    public Guid? PrintHouseId { get; private set; }

    public DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static Notification Queue(Guid incidentId, Guid campaignId, Guid personId, Channel channel, Guid templateId,
        DateTimeOffset at) => new()
        {
            Id = Guid.CreateVersion7(at),
            IncidentId = incidentId,
            CampaignId = campaignId,
            PersonId = personId,
            Channel = channel,
            TemplateId = templateId,
            QueuedAt = at,
        };

    /// <summary>
    /// A notice sent again at the person's request, outside any campaign: no campaign id, so the (campaign, person,
    /// channel) key does not stop it, and each request adds exactly one.
    /// </summary>
    public static Notification Resend(Guid incidentId, Guid personId, Channel channel, Guid templateId, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        IncidentId = incidentId,
        PersonId = personId,
        Channel = channel,
        TemplateId = templateId,
        QueuedAt = at,
    };

    /// <summary>Letters: taken into <paramref name="batchId"/> (the batch's lease covers it).</summary>
    public void ClaimForBatch(Guid batchId, DateTimeOffset leaseUntil, Guid? printHouseId = null)
    {
        Status = DeliveryStatus.Sending;
        BatchId = batchId;
        PrintHouseId = printHouseId;
        LeaseUntil = leaseUntil;
        Attempts++;
    }

    /// <summary>Mirrors the claim a worker committed with one conditional UPDATE (queued → sending, one more attempt).</summary>
    public void Claimed(DateTimeOffset leaseUntil)
    {
        Status = DeliveryStatus.Sending;
        LeaseUntil = leaseUntil;
        Attempts++;
    }

    public bool MarkSent(string? providerMessageId, DateTimeOffset at)
    {
        if (Status is not (DeliveryStatus.Queued or DeliveryStatus.Sending))
        {
            return false;
        }

        Status = DeliveryStatus.Sent;
        ProviderMessageId = providerMessageId;
        SentAt = at;
        LeaseUntil = null;
        return true;
    }

    /// <summary>A status callback can overtake the send's own commit, so delivered is accepted from queued and sending too.</summary>
    public bool MarkDelivered(DateTimeOffset at)
    {
        if (Status is not (DeliveryStatus.Queued or DeliveryStatus.Sending or DeliveryStatus.Sent))
        {
            return false;
        }

        SentAt ??= at;
        Status = DeliveryStatus.Delivered;
        CompletedAt = at;
        LeaseUntil = null;
        return true;
    }

    public bool MarkFailed(string code, DateTimeOffset at)
    {
        if (Status is not (DeliveryStatus.Queued or DeliveryStatus.Sending or DeliveryStatus.Sent))
        {
            return false;
        }

        Status = DeliveryStatus.Failed;
        ErrorCode = Truncate(code);
        CompletedAt = at;
        LeaseUntil = null;
        return true;
    }

    /// <summary>A retryable failure: back to queued, not before <paramref name="retryAt"/>.</summary>
    public void ScheduleRetry(string code, DateTimeOffset retryAt)
    {
        if (Status == DeliveryStatus.Queued)
        {
            // Refused before it was claimed (SMTP 4xx to MAIL or RCPT, a connection that would not open): still an attempt.
            Attempts++;
        }

        Status = DeliveryStatus.Queued;
        ErrorCode = Truncate(code);
        NotBefore = retryAt;
        LeaseUntil = null;
    }

    /// <summary>Letters: the print house reports it posted (after the hand-over made it delivered).</summary>
    public bool MarkPosted(DateTimeOffset at)
    {
        if (Status is not (DeliveryStatus.Sent or DeliveryStatus.Delivered))
        {
            return false;
        }

        Status = DeliveryStatus.Posted;
        CompletedAt = at;
        return true;
    }

    /// <summary>Letters: came back undelivered (<paramref name="reason"/> as the print house wrote it, e.g. addressee unknown).</summary>
    public bool MarkReturned(string reason, DateTimeOffset at)
    {
        if (Status is not (DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Posted))
        {
            return false;
        }

        Status = DeliveryStatus.Returned;
        ErrorCode = Truncate(reason);
        CompletedAt = at;
        return true;
    }

    public bool Suppress(DateTimeOffset at) => Close(DeliveryStatus.Suppressed, at);

    public bool Cancel(DateTimeOffset at) => Close(DeliveryStatus.Cancelled, at);

    private bool Close(DeliveryStatus status, DateTimeOffset at)
    {
        if (Status is not (DeliveryStatus.Queued or DeliveryStatus.Sending))
        {
            return false;
        }

        Status = status;
        CompletedAt = at;
        LeaseUntil = null;
        return true;
    }

    private static string Truncate(string code) => code.Length <= 200 ? code : code[..200];

    internal sealed class Configuration : IEntityTypeConfiguration<Notification>
    {
        /// <summary>The queued letters' index filter; a query must say the same (codes as literals) to use it.</summary>
        public const string QueuedLetters = "\"Channel\" = 'letter' AND \"Status\" = 'queued'";

        public void Configure(EntityTypeBuilder<Notification> notification)
        {
            // Triggers keep the dashboard's tallies (Tallies/TallyTriggers.cs); declared so that EF does not read
            // generated values with RETURNING on SQLite, which triggers forbid.
            notification.ToTable("notifications", t =>
            {
                t.HasTrigger("notice_tallies_insert");
                t.HasTrigger("notice_tallies_update");
                t.HasTrigger("notice_tallies_delete");
                t.HasTrigger("notice_tallies_status");
                t.HasTrigger("notice_tallies_sent");
            });
            notification.HasKey(n => n.Id);
            notification.Property(n => n.Channel).HasConversion<WireCodeConverter<Channel>>().HasMaxLength(10);
            // A concurrency token: every tracked transition is "UPDATE ... WHERE status = what I read", so two workers
            // (or a worker and a status callback) can never both move one notification.
            notification.Property(n => n.Status).HasConversion<WireCodeConverter<DeliveryStatus>>().HasMaxLength(12)
                .IsConcurrencyToken();
            notification.Property(n => n.ProviderMessageId).HasMaxLength(200);
            notification.Property(n => n.ErrorCode).HasMaxLength(200);
            notification.HasIndex(n => new { n.CampaignId, n.PersonId, n.Channel }).IsUnique();
            // Only SMS status callbacks look a notification up by its provider id (Twilio's MessageSid); email and
            // letters keep theirs for the record, outside the index, which every letter's hand-over would write to.
            notification.HasIndex(n => n.ProviderMessageId).HasFilter("\"Channel\" = 'sms'");
            notification.HasIndex(n => new { n.CampaignId, n.Status });
            notification.HasIndex(n => new { n.Status, n.NotBefore });
            notification.HasIndex(n => n.BatchId);
            // An incident's notifications by channel and status (a person's resend, the letter printer's claim). The
            // dashboard's figures come from the tallies (Tallies/), so there is no index by time sent: each index is
            // written by every notification's enrolment, claim and hand-over, as the status changes.
            notification.HasIndex(n => new { n.IncidentId, n.Channel, n.Status });
            // The letters waiting for a batch, in the order the printer takes them: the printer's look for work and its
            // claim can read this small index, not the table's history: by the primary key the look walked every row sent
            // before (the planner expects queued letters spread through the table). A letter enters it at enrolment and
            // leaves it at its claim.
            notification.HasIndex(n => n.Id, "IX_notifications_queued_letters").HasFilter(QueuedLetters);
            // Ticks: compared in queries on SQLite too (which cannot compare DateTimeOffset text).
            notification.Property(n => n.NotBefore).HasConversion(UtcTicks.Converter);
            notification.Property(n => n.LeaseUntil).HasConversion(UtcTicks.Converter);
        }
    }
}
