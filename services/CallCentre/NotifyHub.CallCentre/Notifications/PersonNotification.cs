using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.CallCentre.Notifications;

/// <summary>The latest state of one notification sent to a person (ids, channel, status): the case's history.</summary>
public sealed class PersonNotification
{
    public Guid NotificationId { get; init; }

    public Guid IncidentId { get; init; }

    public Guid PersonId { get; init; }

    public required string Channel { get; init; }

    public required string Status { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<PersonNotification>
    {
        public void Configure(EntityTypeBuilder<PersonNotification> notification)
        {
            // Triggers keep the notices-sent tallies (NoticeDayTallyTriggers); declared so that EF does not read
            // generated values with RETURNING on SQLite, which triggers forbid.
            notification.ToTable("person_notifications", t =>
            {
                t.HasTrigger("notice_day_tallies_insert");
                t.HasTrigger("notice_day_tallies_update");
                t.HasTrigger("notice_day_tallies_delete");
            });
            notification.HasKey(n => n.NotificationId);
            notification.Property(n => n.NotificationId).ValueGeneratedNever();
            notification.HasIndex(n => new { n.IncidentId, n.PersonId });
            notification.HasIndex(n => new { n.IncidentId, n.SentAt });
            notification.Property(n => n.Channel).HasMaxLength(20);
            notification.Property(n => n.Status).HasMaxLength(20);
        }
    }
}
