using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Regulator.Obligations;

/// <summary>
/// The last computed state of one obligation: lets the API find an obligation's incident by its id, and the reminder
/// scheduler find what falls due without recomputing every incident. Rewritten on every recomputation.
/// </summary>
public sealed class ObligationRow
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public required string Jurisdiction { get; set; }

    public required string Kind { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When <see cref="Contracts.Regulator.ReportDue"/> went out for the current <see cref="DueAt"/>.</summary>
    public DateTimeOffset? DueReminderFor { get; set; }

    /// <summary>When <see cref="Contracts.Regulator.ReportOverdue"/> went out for the current <see cref="DueAt"/>.</summary>
    public DateTimeOffset? OverdueReminderFor { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ObligationRow>
    {
        public void Configure(EntityTypeBuilder<ObligationRow> row)
        {
            row.ToTable("obligations");
            row.HasKey(r => r.Id);
            row.HasIndex(r => r.IncidentId);
            row.Property(r => r.Jurisdiction).HasMaxLength(10);
            row.Property(r => r.Kind).HasMaxLength(40);
            row.Property(r => r.Status).HasMaxLength(20);
        }
    }
}
