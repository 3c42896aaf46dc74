using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Privacy.Access;

internal sealed class VendorAssignmentConfiguration : IEntityTypeConfiguration<VendorAssignment>
{
    public void Configure(EntityTypeBuilder<VendorAssignment> builder)
    {
        builder.ToTable("vendor_assignments");
        builder.HasKey(a => new { a.VendorId, a.IncidentId, a.Purpose });
        builder.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(a => a.IncidentId);
    }
}
