using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Intake;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Obligations;

namespace NotifyHub.Regulator.Counts;

/// <summary>
/// Replaces an incident's counts with intake's latest totals and recomputes its obligations: an import that takes Texas
/// from 249 to 250 residents brings the Attorney General notice in; a corrected, lower count takes it out again.
/// </summary>
public sealed class AffectedPartiesCountedConsumer(RegulatorDbContext db, ObligationsRecompute recompute)
    : IdempotentConsumer<AffectedPartiesCounted, RegulatorDbContext>(db)
{
    protected override async Task HandleAsync(AffectedPartiesCounted message, ConsumeContext<AffectedPartiesCounted> context)
    {
        var ct = context.CancellationToken;
        var existing = await Db.AffectedCounts.Where(c => c.IncidentId == message.IncidentId).ToListAsync(ct);
        if (existing.Any(c => c.CountedAt > message.CountedAt))
        {
            return;
        }

        Db.AffectedCounts.RemoveRange(existing);
        await Db.SaveChangesAsync(ct);
        foreach (var (jurisdiction, count) in message.ByJurisdiction)
        {
            Db.AffectedCounts.Add(new AffectedCount
            {
                IncidentId = message.IncidentId,
                Jurisdiction = jurisdiction.ToUpperInvariant(),
                Count = count,
                CountedAt = message.CountedAt,
            });
        }

        await Db.SaveChangesAsync(ct);
        await recompute.RecomputeAsync(Db, message.IncidentId, ct);
    }
}
