using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;

namespace NotifyHub.CallCentre.Queue;

/// <summary>
/// The call centre seen from one incident, across all its vendors, for the privacy officer's dashboard: calls taken
/// (a verified caller opens a case) against the calls to expect from the notices sent, today (UTC day) and in all,
/// and the cases and escalations still open. Counts only: no person, no reason.
/// </summary>
public sealed class IncidentCallActivity(CallCentreDbContext db, IOptions<CallCentreOptions> options, TimeProvider clock)
{
    public async Task<IncidentCallView?> ReadAsync(Guid incidentId, CancellationToken ct)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, ct))
        {
            return null;
        }

        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        // One scan per table: at a million notices, each count of the history is a scan of the incident's rows.
        var cases = db.Cases.AsNoTracking().Where(c => c.IncidentId == incidentId);
        var calls = await cases.GroupBy(c => 1)
            .Select(g => new { Total = g.Count(), Today = g.Count(c => c.OpenedAt >= today), Open = g.Count(c => c.Status == CaseStatus.Open) })
            .FirstOrDefaultAsync(ct);
        var openEscalations = await db.Escalations.AsNoTracking()
            .CountAsync(e => e.IncidentId == incidentId && cases.Any(c => c.Id == e.CaseId && c.Status == CaseStatus.Open), ct);
        var notices = await db.PersonNotifications.AsNoTracking().Where(n => n.IncidentId == incidentId).GroupBy(n => 1)
            .Select(g => new { Total = g.Count(), Today = g.Count(n => n.SentAt >= today) })
            .FirstOrDefaultAsync(ct);
        return new IncidentCallView(calls?.Today ?? 0, Expected(notices?.Today ?? 0), calls?.Total ?? 0, Expected(notices?.Total ?? 0),
            calls?.Open ?? 0, openEscalations);
    }

    private int Expected(int notices) =>
        (int)Math.Round(notices * options.Value.CallsPer100Notices / 100, MidpointRounding.AwayFromZero);
}

public sealed record IncidentCallView(int CallsToday, int ExpectedToday, int CallsTotal, int ExpectedTotal, int OpenCases, int OpenEscalations);
