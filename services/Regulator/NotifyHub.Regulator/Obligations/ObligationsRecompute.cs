using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Regulator;
using NotifyHub.Regulator.Database;

namespace NotifyHub.Regulator.Obligations;

/// <summary>
/// After any fact changes: recompute the incident's obligations, keep their last state in <see cref="ObligationRow"/>
/// (for lookups by id and the reminder scheduler) and announce <see cref="ObligationsChanged"/> through the outbox,
/// all in the caller's transaction.
/// </summary>
public sealed class ObligationsRecompute(ObligationEngine engine, TimeProvider clock)
{
    public async Task<IReadOnlyList<Obligation>> RecomputeAsync(RegulatorDbContext db, Guid incidentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var facts = await FactsReader.ReadAsync(db, incidentId, ct);
        if (facts is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var obligations = engine.Compute(facts, now);
        var rows = await db.Obligations.Where(r => r.IncidentId == incidentId).ToDictionaryAsync(r => r.Id, ct);
        foreach (var obligation in obligations)
        {
            if (!rows.Remove(obligation.Id, out var row))
            {
                row = new ObligationRow { Id = obligation.Id, IncidentId = incidentId, Jurisdiction = obligation.Jurisdiction, Kind = obligation.Kind, Status = obligation.Status };
                db.Obligations.Add(row);
            }

            row.Status = obligation.Status;
            row.DueAt = obligation.DueAt;
        }

        db.Obligations.RemoveRange(rows.Values);
        db.Publish(new ObligationsChanged(incidentId,
            obligations.Count(o => o.Status == ObligationStatuses.Due),
            obligations.Count(o => o.Status == ObligationStatuses.Overdue),
            obligations.Count(o => o.Status == ObligationStatuses.NeedsAssessment),
            obligations.Count(o => o.Status == ObligationStatuses.Filed), now));
        await db.SaveChangesAsync(ct);
        return obligations;
    }
}
