using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.CallCentre.Notifications;

/// <summary>
/// A change to an incident's count of notices sent on one UTC day: +1 when a notification enters the history, −1 when
/// it leaves or its send time moves to another day. Written by database triggers (<see cref="NoticeDayTallyTriggers"/>)
/// so that the calls to expect (from the notices sent, today and in all) are a few summed rows, not a count of an
/// incident's million-row history at each refresh of the dashboard.
/// </summary>
public sealed class NoticeDayTally
{
    public long Id { get; init; }

    public Guid IncidentId { get; init; }

    /// <summary>The UTC day, in days since 1 January 0001 (the send time's UTC ticks over a day's ticks).</summary>
    public long Day { get; init; }

    public long Delta { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<NoticeDayTally>
    {
        public void Configure(EntityTypeBuilder<NoticeDayTally> tally)
        {
            tally.ToTable("notice_day_tallies");
            tally.HasKey(t => t.Id);
            tally.HasIndex(t => new { t.IncidentId, t.Day });
        }
    }
}
