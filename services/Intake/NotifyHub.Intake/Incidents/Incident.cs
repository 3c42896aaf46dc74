using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;

namespace NotifyHub.Intake.Incidents;

/// <summary>A breach being responded to. Holds no personal data: affected people are separate, encrypted records.</summary>
public sealed class Incident
{
    public Guid Id { get; init; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public DateTimeOffset DiscoveredAt { get; set; }

    /// <summary>When the organisation became aware of the breach (the GDPR's, Japan's, Brazil's clock).</summary>
    public DateTimeOffset? AwareAt { get; set; }

    /// <summary>When it determined that the breach occurred (Texas's, PIPEDA's clock).</summary>
    public DateTimeOffset? DeterminedAt { get; set; }

    public DateTimeOffset? OccurredFrom { get; set; }

    public DateTimeOffset? OccurredTo { get; set; }

    public required string Cause { get; set; }

    public List<string> DataCategories { get; set; } = [];

    public List<string> Jurisdictions { get; set; } = [];

    public IncidentStatus Status { get; set; } = IncidentStatus.Open;

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>When a privacy officer closed the response; null while open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>After this the incident's keys are shredded by <c>notifyhub incidents purge</c>.</summary>
    public DateTimeOffset? RetainUntil { get; set; }

    /// <summary>When its keys were destroyed and its people deleted.</summary>
    public DateTimeOffset? PurgedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Incident>
    {
        public void Configure(EntityTypeBuilder<Incident> incident)
        {
            incident.ToTable("incidents");
            incident.HasKey(i => i.Id);
            incident.Property(i => i.Title).HasMaxLength(200);
            incident.Property(i => i.Summary).HasMaxLength(4000);
            incident.Property(i => i.Cause).HasMaxLength(40);
            incident.Property(i => i.Status).HasConversion<WireCodeConverter<IncidentStatus>>().HasMaxLength(20);
            incident.Property(i => i.CreatedBy).HasMaxLength(100);
        }
    }
}
