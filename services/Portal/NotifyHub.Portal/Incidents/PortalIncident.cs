using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Portal.Incidents;

/// <summary>An incident the portal answers for: its public title and whether it is still open (ids and codes only).</summary>
public sealed class PortalIncident
{
    public Guid Id { get; init; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public bool Open { get; set; } = true;

    public DateTimeOffset OpenedAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<PortalIncident>
    {
        public void Configure(EntityTypeBuilder<PortalIncident> incident)
        {
            incident.ToTable("incidents");
            incident.HasKey(i => i.Id);
            incident.Property(i => i.Id).ValueGeneratedNever();
            incident.Property(i => i.Title).HasMaxLength(300);
            incident.Property(i => i.Summary).HasMaxLength(4000);
        }
    }
}
