using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Regulator.Counts;

/// <summary>How many people of one jurisdiction an incident affects: an aggregate from intake, never a person.</summary>
public sealed class AffectedCount
{
    public Guid IncidentId { get; init; }

    /// <summary>ISO 3166-1 alpha-2, or <c>US-XX</c>.</summary>
    public required string Jurisdiction { get; init; }

    public long Count { get; set; }

    /// <summary>When intake counted: an older message arriving late must not replace a newer count.</summary>
    public DateTimeOffset CountedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AffectedCount>
    {
        public void Configure(EntityTypeBuilder<AffectedCount> count)
        {
            count.ToTable("affected_counts");
            count.HasKey(c => new { c.IncidentId, c.Jurisdiction });
            count.Property(c => c.Jurisdiction).HasMaxLength(10);
        }
    }
}
