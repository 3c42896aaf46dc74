using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Contracts.Intake;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Intake.CallCentre;

/// <summary>
/// People imported (or changed) after a call-centre vendor was assigned: each assigned vendor gets their projections,
/// so its agents can verify them without waiting for anything else. Intake listens to its own committed batches.
/// </summary>
public sealed class ImportedPartiesConsumer(IntakeDbContext db, CallCentreProjector projector, VendorAssignments assignments)
    : IdempotentConsumer<AffectedPartiesImported, IntakeDbContext>(db)
{
    protected override async Task HandleAsync(AffectedPartiesImported message, ConsumeContext<AffectedPartiesImported> context)
    {
        var ct = context.CancellationToken;
        var vendors = (await assignments.ListAsync(message.IncidentId, ct))
            .Where(a => a.Purpose == Purpose.CallCentre).Select(a => a.VendorId).ToList();
        if (vendors.Count == 0 || message.PersonIds.Count == 0)
        {
            return;
        }

        var ids = message.PersonIds.ToList();
        var people = await Db.AffectedParties.AsNoTracking()
            .Where(p => p.IncidentId == message.IncidentId && ids.Contains(p.Id)).ToListAsync(ct);
        foreach (var vendor in vendors)
        {
            var parties = await projector.ProjectAsync(people, vendor, ct);
            Db.Publish(new CallCentrePartiesProjected(null, message.IncidentId, vendor, null, false, parties));
        }
    }
}
