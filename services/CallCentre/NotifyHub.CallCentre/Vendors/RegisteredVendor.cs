using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.CallCentre.Vendors;

/// <summary>A vendor the console registered (from <c>VendorRegistered</c>); only these can be assigned to incidents.</summary>
public sealed class RegisteredVendor
{
    public Guid Id { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<RegisteredVendor>
    {
        public void Configure(EntityTypeBuilder<RegisteredVendor> vendor)
        {
            vendor.ToTable("vendors");
            vendor.HasKey(v => v.Id);
            vendor.Property(v => v.Id).ValueGeneratedNever();
        }
    }
}
