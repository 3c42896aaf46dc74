using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Portal.Notifications;

/// <summary>The latest state of one notification sent to a person: channel, status and time, never the address or number.</summary>
public sealed class PortalNotification
{
    public Guid NotificationId { get; init; }

    public Guid IncidentId { get; init; }

    public Guid PersonId { get; init; }

    public required string Channel { get; init; }

    public required string Status { get; set; }

    public DateTimeOffset At { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<PortalNotification>
    {
        public void Configure(EntityTypeBuilder<PortalNotification> notification)
        {
            notification.ToTable("notifications");
            notification.HasKey(n => n.NotificationId);
            notification.Property(n => n.NotificationId).ValueGeneratedNever();
            notification.HasIndex(n => n.PersonId);
            notification.HasIndex(n => n.IncidentId);
            notification.Property(n => n.Channel).HasMaxLength(20);
            notification.Property(n => n.Status).HasMaxLength(20);
        }
    }
}
