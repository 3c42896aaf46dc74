using Microsoft.EntityFrameworkCore;
using NotifyHub.CallCentre.Database;

namespace NotifyHub.CallCentre.Retention;

/// <summary>
/// Deletes everything the call centre holds about closed incidents whose retention has passed: projections and
/// blind indexes, cases, notes, callbacks, escalations, notification history and scripts.
/// </summary>
public sealed class RetentionPurge(CallCentreDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Guid>> PurgeDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Incidents.Where(i => i.RetainUntil != null && i.RetainUntil <= now && i.PurgedAt == null).ToListAsync(ct);
        foreach (var incident in due)
        {
            var id = incident.Id;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.CallerRecords.Where(r => r.IncidentId == id).ExecuteDeleteAsync(ct);
            await db.Notes.Where(n => n.IncidentId == id).ExecuteDeleteAsync(ct);
            await db.Callbacks.Where(c => c.IncidentId == id).ExecuteDeleteAsync(ct);
            await db.Escalations.Where(e => e.IncidentId == id).ExecuteDeleteAsync(ct);
            await db.Cases.Where(c => c.IncidentId == id).ExecuteDeleteAsync(ct);
            await db.PersonNotifications.Where(n => n.IncidentId == id).ExecuteDeleteAsync(ct);
            await db.Scripts.Where(s => s.IncidentId == id).ExecuteDeleteAsync(ct);
            incident.PurgedAt = now;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return [.. due.Select(i => i.Id)];
    }
}
