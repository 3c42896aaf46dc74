using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// How many of an incident's people live in one jurisdiction: kept up to date batch by batch in the batch's own
/// transaction (an updated row that moves a person moves one count), so the regulator's counts never need a pass over
/// the people. An aggregate: it holds no person-level value.
/// </summary>
public sealed class ResidenceCount
{
    public Guid IncidentId { get; init; }

    /// <summary>See <see cref="Residence"/>: <c>JP</c>, <c>US-TX</c>, <c>US</c> (state unknown) or <c>unknown</c>.</summary>
    public required string Jurisdiction { get; init; }

    public long Count { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ResidenceCount>
    {
        public void Configure(EntityTypeBuilder<ResidenceCount> count)
        {
            count.ToTable("residence_counts");
            count.HasKey(c => new { c.IncidentId, c.Jurisdiction });
            count.Property(c => c.Jurisdiction).HasMaxLength(10);
        }
    }
}
