using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Regulator.Incidents;

/// <summary>This module's own record of an incident opened in intake (modules share no tables).</summary>
public sealed class RegulatorIncident
{
    public Guid Id { get; init; }

    public required string Title { get; set; }

    public string Summary { get; set; } = "";

    public DateTimeOffset DiscoveredAt { get; set; }

    /// <summary>When the organisation became aware (GDPR, Japan, Brazil, India clocks); null: discovery stands in.</summary>
    public DateTimeOffset? AwareAt { get; set; }

    /// <summary>When it determined the breach occurred (Texas, PIPEDA clocks).</summary>
    public DateTimeOffset? DeterminedAt { get; set; }

    public DateTimeOffset? OccurredFrom { get; set; }

    public DateTimeOffset? OccurredTo { get; set; }

    public required string Cause { get; set; }

    public List<string> DataCategories { get; set; } = [];

    public List<string> Jurisdictions { get; set; } = [];

    public DateTimeOffset RecordedAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<RegulatorIncident>
    {
        public void Configure(EntityTypeBuilder<RegulatorIncident> incident)
        {
            incident.ToTable("incidents");
            incident.HasKey(i => i.Id);
            incident.Property(i => i.Title).HasMaxLength(200);
            incident.Property(i => i.Cause).HasMaxLength(40);
            incident.Property(i => i.Summary).HasMaxLength(4000);
        }
    }
}
