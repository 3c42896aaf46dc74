using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Privacy.Keys;

internal sealed class StoredKeyConfiguration : IEntityTypeConfiguration<StoredKey>
{
    public void Configure(EntityTypeBuilder<StoredKey> builder)
    {
        builder.ToTable("stored_keys");
        builder.HasKey(k => new { k.OwnerId, k.Kind, k.Version });
        builder.Property(k => k.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(k => k.RootKeyId).HasMaxLength(200);
        builder.Property(k => k.WrappedMaterial).HasMaxLength(KeyWrapper.WrappedSize);
        builder.Ignore(k => k.Id);
    }
}
