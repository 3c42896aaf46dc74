using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Notifications;

namespace NotifyHub.CallCentre.Queue;

/// <summary>
/// The call centre seen from one incident, across all its vendors, for the privacy officer's dashboard: calls taken
/// (a verified caller opens a case) against the calls to expect from the notices sent, today (UTC day) and in all,
/// and the cases and escalations still open. Counts only: no person, no reason.
/// </summary>
public sealed class IncidentCallActivity(CallCentreDbContext db, NoticeDayTallies noticesSent, IOptions<CallCentreOptions> options,
    TimeProvider clock)
{
    public async Task<IncidentCallView?> ReadAsync(Guid incidentId, CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, ct))
        {
            return null;
        }

        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var cases = db.Cases.AsNoTracking().Where(c => c.IncidentId == incidentId);
        var calls = await cases.GroupBy(c => 1)
            .Select(g => new { Total = g.Count(), Today = g.Count(c => c.OpenedAt >= today), Open = g.Count(c => c.Status == CaseStatus.Open) })
            .FirstOrDefaultAsync(ct);
        var openEscalations = await db.Escalations.AsNoTracking()
            .CountAsync(e => e.IncidentId == incidentId && cases.Any(c => c.Id == e.CaseId && c.Status == CaseStatus.Open), ct);
        // The notices sent come from tallies the database keeps: the history is as long as the incident's population.
        var (noticesTotal, noticesToday) = await noticesSent.SentAsync(incidentId, today, ct);
        return new IncidentCallView(calls?.Today ?? 0, Expected(noticesToday), calls?.Total ?? 0, Expected(noticesTotal),
            calls?.Open ?? 0, openEscalations);
    }

    private int Expected(long notices) =>
        (int)Math.Round(notices * options.Value.CallsPer100Notices / 100, MidpointRounding.AwayFromZero);
}

public sealed record IncidentCallView(int CallsToday, int ExpectedToday, int CallsTotal, int ExpectedTotal, int OpenCases, int OpenEscalations);
