using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.Tallies;

/// <summary>
/// An incident's people and notice counts from the tallies the triggers write (<see cref="TallyTriggers"/>,
/// <see cref="PeopleTallyTriggers"/>): first its tally rows
/// are folded into one row per key (<see cref="TallyFold"/>), then the few rows left are summed.
/// </summary>
public sealed class NoticeTallies(NotificationsDbContext db)
{
    /// <summary>The people this module has at least one projection of.</summary>
    public async Task<long> PeopleAsync(Guid incidentId, CancellationToken ct)
    {
        await FoldAsync<PeopleTally>(incidentId, [], ct);
        return await db.Set<PeopleTally>().Where(t => t.IncidentId == incidentId).SumAsync(t => t.Delta, ct);
    }

    /// <summary>Notices per channel and status code, zero counts left out.</summary>
    public async Task<IReadOnlyList<(string Channel, string Status, long Count)>> CountsAsync(Guid incidentId, CancellationToken ct)
    {
        await FoldAsync<NoticeTally>(incidentId, [nameof(NoticeTally.Channel), nameof(NoticeTally.Status)], ct);
        var rows = await db.Set<NoticeTally>().AsNoTracking().Where(t => t.IncidentId == incidentId)
            .GroupBy(t => new { t.Channel, t.Status })
            .Select(g => new { g.Key.Channel, g.Key.Status, Count = g.Sum(t => t.Delta) })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Count != 0).Select(r => (r.Channel, r.Status, r.Count))];
    }

    /// <summary>Notices sent per channel code and hour (<c>yyyy-MM-dd HH</c>, UTC) from <paramref name="fromHour"/> on.</summary>
    public async Task<IReadOnlyList<(string Channel, string Hour, long Count)>> SentAsync(Guid incidentId, string fromHour, CancellationToken ct)
    {
        await FoldAsync<NoticeHourTally>(incidentId, [nameof(NoticeHourTally.Channel), nameof(NoticeHourTally.Hour)], ct);
        var rows = await db.Set<NoticeHourTally>().AsNoTracking().Where(t => t.IncidentId == incidentId && t.Hour.CompareTo(fromHour) >= 0)
            .GroupBy(t => new { t.Channel, t.Hour })
            .Select(g => new { g.Key.Channel, g.Key.Hour, Count = g.Sum(t => t.Delta) })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Count != 0).Select(r => (r.Channel, r.Hour, r.Count))];
    }

    private Task FoldAsync<TTally>(Guid incidentId, string[] keys, CancellationToken ct)
        where TTally : class => TallyFold.FoldAsync<TTally>(db, incidentId, keys, ct);
}
