using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Regulator.Filings;

/// <summary>Evidence that an obligation was met: when it was filed and the authority's reference.</summary>
public sealed class Filing
{
    public Guid Id { get; init; }

    public Guid ObligationId { get; init; }

    public Guid IncidentId { get; init; }

    public required string Jurisdiction { get; init; }

    public required string Kind { get; init; }

    public DateTimeOffset FiledAt { get; init; }

    public required string Reference { get; init; }

    public required string FiledBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<Filing>
    {
        public void Configure(EntityTypeBuilder<Filing> filing)
        {
            filing.ToTable("filings");
            filing.HasKey(f => f.Id);
            filing.HasIndex(f => f.ObligationId).IsUnique();
            filing.HasIndex(f => f.IncidentId);
            filing.Property(f => f.Jurisdiction).HasMaxLength(10);
            filing.Property(f => f.Kind).HasMaxLength(40);
            filing.Property(f => f.Reference).HasMaxLength(200);
            filing.Property(f => f.FiledBy).HasMaxLength(100);
        }
    }
}
