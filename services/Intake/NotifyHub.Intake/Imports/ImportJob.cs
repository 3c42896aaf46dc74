using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Intake.Imports;

/// <summary>One file import into an incident: its status and live counts. Holds no personal data.</summary>
public sealed class ImportJob
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public string Status { get; set; } = Running;

    /// <summary><c>csv</c> or <c>ndjson</c>.</summary>
    public required string Format { get; init; }

    public required string Encoding { get; init; }

    public long RowsRead { get; set; }

    public long Accepted { get; set; }

    public long Updated { get; set; }

    public long Rejected { get; set; }

    public long Warnings { get; set; }

    /// <summary>Why a running import failed (never a value from the file).</summary>
    public string? Failure { get; set; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    public required string CreatedBy { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<ImportJob>
    {
        public void Configure(EntityTypeBuilder<ImportJob> import)
        {
            import.ToTable("imports");
            import.HasKey(i => i.Id);
            import.HasIndex(i => i.IncidentId);
            import.Property(i => i.Status).HasMaxLength(20);
            import.Property(i => i.Format).HasMaxLength(20);
            import.Property(i => i.Encoding).HasMaxLength(40);
            import.Property(i => i.Failure).HasMaxLength(500);
            import.Property(i => i.CreatedBy).HasMaxLength(100);
        }
    }
}
