using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// The single row naming the chain's last entry. Appenders update it in the same transaction
/// as their insert, which serialises them across processes; comparing it with the last entry
/// reveals entries deleted from the end.
/// </summary>
internal sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long LastSequence { get; set; }

    public byte[] LastHash { get; set; } = new byte[32];
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.ToTable("audit_head");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(32);
        builder.HasData(new AuditHead { Id = AuditHead.SingletonId, LastSequence = 0, LastHash = new byte[32] });
    }
}
