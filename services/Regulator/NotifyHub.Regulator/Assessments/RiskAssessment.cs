using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Regulator.Assessments;

/// <summary>A privacy officer's risk assessment for one jurisdiction; the latest one counts, earlier ones stay as history.</summary>
public sealed class RiskAssessment
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    /// <summary>The obligation jurisdiction it decides: <c>EU-FR</c>, <c>JP</c>, <c>US</c> (HIPAA), <c>US-TX</c>…</summary>
    public required string Jurisdiction { get; init; }

    /// <summary><c>likely</c> or <c>unlikely</c>.</summary>
    public required string Harm { get; init; }

    public required string Rationale { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<RiskAssessment>
    {
        public void Configure(EntityTypeBuilder<RiskAssessment> assessment)
        {
            assessment.ToTable("risk_assessments");
            assessment.HasKey(a => a.Id);
            assessment.HasIndex(a => a.IncidentId);
            assessment.Property(a => a.Jurisdiction).HasMaxLength(10);
            assessment.Property(a => a.Harm).HasMaxLength(10);
            assessment.Property(a => a.Rationale).HasMaxLength(4000);
            assessment.Property(a => a.RecordedBy).HasMaxLength(100);
        }
    }
}
