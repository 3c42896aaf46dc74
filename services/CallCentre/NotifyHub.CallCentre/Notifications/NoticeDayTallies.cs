using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.CallCentre.Database;

namespace NotifyHub.CallCentre.Notifications;

/// <summary>An incident's notices sent, in all and on one UTC day, from the tallies (<see cref="NoticeDayTally"/>).</summary>
public sealed class NoticeDayTallies(CallCentreDbContext db)
{
    public async Task<(long Total, long OnDay)> SentAsync(Guid incidentId, DateTimeOffset day, CancellationToken ct)
    {
        await TallyFold.FoldAsync<NoticeDayTally>(db, incidentId, [nameof(NoticeDayTally.Day)], ct);
        var dayNumber = day.UtcTicks / TimeSpan.TicksPerDay;
        var days = await db.Set<NoticeDayTally>().AsNoTracking().Where(t => t.IncidentId == incidentId)
            .GroupBy(t => t.Day).Select(g => new { Day = g.Key, Count = g.Sum(t => t.Delta) }).ToListAsync(ct);
        return (days.Sum(d => d.Count), days.Where(d => d.Day == dayNumber).Sum(d => d.Count));
    }
}
