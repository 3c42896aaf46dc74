using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Portal.Throttling;

/// <summary>When the global alarm last went off, so several instances raise one <c>PortalAbuseSuspected</c> per window.</summary>
public sealed class PortalAlarm
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public int Failures { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<PortalAlarm>
    {
        public void Configure(EntityTypeBuilder<PortalAlarm> alarm)
        {
            alarm.ToTable("alarms");
            alarm.HasKey(a => a.Id);
            alarm.HasIndex(a => a.At);
        }
    }
}
