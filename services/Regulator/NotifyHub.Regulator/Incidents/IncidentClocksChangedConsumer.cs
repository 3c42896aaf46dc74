using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Intake;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Obligations;

namespace NotifyHub.Regulator.Incidents;

/// <summary>New awareness or determination times move the deadlines that run from them.</summary>
public sealed class IncidentClocksChangedConsumer(RegulatorDbContext db, ObligationsRecompute recompute)
    : IdempotentConsumer<IncidentClocksChanged, RegulatorDbContext>(db)
{
    protected override async Task HandleAsync(IncidentClocksChanged message, ConsumeContext<IncidentClocksChanged> context)
    {
        // An incident this module has not heard of yet gets its clocks from IncidentOpened, which carries them too.
        if (await Db.Incidents.FindAsync([message.IncidentId], context.CancellationToken) is not { } incident)
        {
            return;
        }

        incident.AwareAt = message.AwareAt;
        incident.DeterminedAt = message.DeterminedAt;
        await Db.SaveChangesAsync(context.CancellationToken);
        await recompute.RecomputeAsync(Db, incident.Id, context.CancellationToken);
    }
}
