using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;

namespace NotifyHub.Notifications.Delivery;

/// <summary>A throttled channel's next free send slot, shared by every worker (see <see cref="ChannelThrottle"/>).</summary>
public sealed class ChannelPace
{
    public Channel Channel { get; init; }

    /// <summary>UTC ticks: compared and advanced in SQL on SQLite and PostgreSQL alike.</summary>
    public long NextSlotTicks { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ChannelPace>
    {
        public void Configure(EntityTypeBuilder<ChannelPace> pace)
        {
            pace.ToTable("channel_paces");
            pace.HasKey(p => p.Channel);
            pace.Property(p => p.Channel).HasConversion<WireCodeConverter<Channel>>().HasMaxLength(10);
        }
    }
}
