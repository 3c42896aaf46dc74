using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Privacy.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Sequence);
        // Sequence numbers come from the audit head, never from the database: a gap is evidence.
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Fields).HasMaxLength(400);
        builder.Property(e => e.Outcome).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(32);
        builder.Property(e => e.Hash).HasMaxLength(32);
        // The meter counts a user's recent decrypts; auditors read by time.
        builder.HasIndex(e => new { e.ActorUserId, e.Time });
        builder.HasIndex(e => e.Time);
        // Each user's record reads today, per vendor, for the call centre supervisor (RecordReads): decrypts only.
        builder.HasIndex(e => new { e.ActorVendorId, e.Time }, "IX_audit_entries_decrypts_by_vendor")
            .HasFilter($"\"action\" = '{AuditActions.ProjectionDecrypt}' AND \"outcome\" = '{AuditOutcomes.Granted}'");
    }
}
