using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Notifications.Incidents;

/// <summary>This module's own record of an incident opened in intake (modules share no tables).</summary>
public sealed class NotificationsIncident
{
    public Guid Id { get; init; }

    public required string Title { get; set; }

    /// <summary>For <c>incident.summary</c> in templates.</summary>
    public string Summary { get; set; } = "";

    public DateTimeOffset DiscoveredAt { get; set; }

    public required string Cause { get; set; }

    public List<string> DataCategories { get; set; } = [];

    public List<string> Jurisdictions { get; set; } = [];

    public DateTimeOffset RecordedAt { get; init; }

    public Templates.IncidentFacts Facts() => new(Title, Summary, DiscoveredAt);

    internal sealed class Configuration : IEntityTypeConfiguration<NotificationsIncident>
    {
        public void Configure(EntityTypeBuilder<NotificationsIncident> incident)
        {
            incident.ToTable("incidents");
            incident.HasKey(i => i.Id);
            incident.Property(i => i.Title).HasMaxLength(200);
            incident.Property(i => i.Summary).HasMaxLength(4000);
            incident.Property(i => i.Cause).HasMaxLength(40);
        }
    }
}
