using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Privacy.Access;

internal sealed class AccessBlockConfiguration : IEntityTypeConfiguration<AccessBlock>
{
    public void Configure(EntityTypeBuilder<AccessBlock> builder)
    {
        builder.ToTable("access_blocks");
        builder.HasKey(b => b.UserId);
        builder.Property(b => b.UserId).ValueGeneratedNever();
        builder.Ignore(b => b.IsActive);
    }
}
