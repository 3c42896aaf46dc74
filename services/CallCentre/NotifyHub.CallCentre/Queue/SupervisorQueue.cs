using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Callbacks;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Support;
using NotifyHub.Privacy.Access;

namespace NotifyHub.CallCentre.Queue;

/// <summary>
/// Counts for one vendor: open cases (waiting = opened with nothing done on them yet), callbacks, escalations, each
/// agent's day, and the calls to expect from the notices sent today on the vendor's incidents.
/// </summary>
public sealed class SupervisorQueue(
    CallCentreDbContext db, AccessBlocks blocks, RecordReads recordReads, IOptions<CallCentreOptions> options, TimeProvider clock)
{
    public async Task<QueueView> ReadAsync(CallCentreActor actor, CancellationToken ct)
    {
        var vendor = actor.Vendor;
        var now = clock.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var open = db.Cases.AsNoTracking().Where(c => c.VendorId == vendor && c.Status == CaseStatus.Open);
        var openCases = await open.CountAsync(ct);
        var waiting = await open.CountAsync(c => !db.Notes.Any(n => n.CaseId == c.Id) && !db.Callbacks.Any(b => b.CaseId == c.Id)
            && !db.Escalations.Any(e => e.CaseId == c.Id), ct);
        var pending = db.Callbacks.AsNoTracking().Where(c => c.VendorId == vendor && c.Status == CallbackStatus.Pending);
        // The next 24 hours, not "before midnight UTC": a callback at 00:30 is as pressing at 23:45 as one at 23:55.
        var soon = now.AddDays(1);
        var due = await pending.CountAsync(c => c.DueAt >= now && c.DueAt < soon, ct);
        var overdue = await pending.CountAsync(c => c.DueAt < now, ct);
        var escalations = await db.Escalations.CountAsync(e => e.VendorId == vendor && e.EscalatedAt >= today, ct);

        var cases = await db.Cases.AsNoTracking().Where(c => c.VendorId == vendor && c.OpenedAt >= today)
            .GroupBy(c => c.OpenedBy).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // A case view is one read through the key service, which audits it: the count comes from those entries.
        var reads = await recordReads.ByUserSinceAsync(vendor, today, ct);
        var calls = await db.VerificationAttempts.AsNoTracking().Where(a => a.VendorId == vendor && a.At >= today)
            .GroupBy(a => a.AgentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var blocked = await blocks.BlockedUsersAsync(vendor, ct);
        var agents = cases.Keys.Concat(reads.Keys).Concat(calls.Keys).Concat(blocked).Distinct().Order()
            .Select(id => new AgentActivity(id, cases.GetValueOrDefault(id), reads.GetValueOrDefault(id), blocked.Contains(id)))
            .ToList();

        var incidents = await db.Assignments.AsNoTracking()
            .Where(a => a.VendorId == vendor && AssignmentStatuses.Active.Contains(a.Status)).Select(a => a.IncidentId).ToListAsync(ct);
        var noticesToday = await db.PersonNotifications.AsNoTracking()
            .CountAsync(n => incidents.Contains(n.IncidentId) && n.SentAt >= today, ct);
        var expected = (int)Math.Round(noticesToday * options.Value.CallsPer100Notices / 100, MidpointRounding.AwayFromZero);
        return new QueueView(openCases, waiting, due, overdue, escalations, agents, expected, calls.Values.Sum());
    }
}
