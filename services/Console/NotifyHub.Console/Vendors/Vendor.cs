using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Console.Vendors;

/// <summary>A company whose staff (agents, supervisors) work for the controller, typically an outsourced call centre.</summary>
public sealed class Vendor
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public string Status { get; set; } = VendorStatus.Active;

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<Vendor>
    {
        public void Configure(EntityTypeBuilder<Vendor> vendor)
        {
            vendor.ToTable("vendors");
            vendor.HasKey(v => v.Id);
            vendor.Property(v => v.Name).HasMaxLength(200);
            vendor.Property(v => v.Status).HasMaxLength(20);
            vendor.Property(v => v.CreatedBy).HasMaxLength(100);
            vendor.Property(v => v.RevokedBy).HasMaxLength(100);
        }
    }
}
