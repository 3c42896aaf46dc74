using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Notifications.Tallies;

/// <summary>
/// A change to an incident's count of notices in one channel and status: +1 when a notification enters the status,
/// −1 when it leaves it. Written by database triggers (<see cref="TallyTriggers"/>) on every insert, status change and
/// delete of a notification, whatever statement made it (EF, a bulk update, a claim in SQL), so the dashboard reads a
/// few summed rows instead of counting a million notices. <see cref="NoticeTallies"/> folds them.
/// </summary>
public sealed class NoticeTally
{
    public long Id { get; init; }

    public Guid IncidentId { get; init; }

    /// <summary>The channel's wire code, as the notifications table stores it.</summary>
    public required string Channel { get; init; }

    /// <summary>The status's wire code, as the notifications table stores it.</summary>
    public required string Status { get; init; }

    public long Delta { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<NoticeTally>
    {
        public void Configure(EntityTypeBuilder<NoticeTally> tally)
        {
            tally.ToTable("notice_tallies");
            tally.HasKey(t => t.Id);
            tally.Property(t => t.Channel).HasMaxLength(10);
            tally.Property(t => t.Status).HasMaxLength(12);
            tally.HasIndex(t => t.IncidentId);
        }
    }
}

/// <summary>The same for notices sent: +1 in the hour (UTC ticks of its start) a notification's sent time falls in.</summary>
public sealed class NoticeHourTally
{
    public long Id { get; init; }

    public Guid IncidentId { get; init; }

    public required string Channel { get; init; }

    /// <summary>The hour the notice was sent in, <c>yyyy-MM-dd HH</c> in UTC (sorts as it reads).</summary>
    public required string Hour { get; init; }

    public long Delta { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<NoticeHourTally>
    {
        public void Configure(EntityTypeBuilder<NoticeHourTally> tally)
        {
            tally.ToTable("notice_hour_tallies");
            tally.HasKey(t => t.Id);
            tally.Property(t => t.Channel).HasMaxLength(10);
            tally.Property(t => t.Hour).HasMaxLength(13);
            tally.HasIndex(t => new { t.IncidentId, t.Hour });
        }
    }
}
