using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Intake;
using NotifyHub.Regulator.Database;

namespace NotifyHub.Regulator.Incidents;

/// <summary>Keeps regulator's copy of each incident; the inbox makes a redelivery a no-op.</summary>
public sealed class IncidentOpenedConsumer(RegulatorDbContext db, TimeProvider clock, Obligations.ObligationsRecompute recompute)
    : IdempotentConsumer<IncidentOpened, RegulatorDbContext>(db)
{
    protected override async Task HandleAsync(IncidentOpened message, ConsumeContext<IncidentOpened> context)
    {
        if (await Db.Incidents.FindAsync([message.IncidentId], context.CancellationToken) is not null)
        {
            return;
        }

        Db.Incidents.Add(new RegulatorIncident
        {
            Id = message.IncidentId,
            Title = message.Title,
            Summary = message.Summary,
            DiscoveredAt = message.DiscoveredAt,
            AwareAt = message.AwareAt,
            DeterminedAt = message.DeterminedAt,
            OccurredFrom = message.OccurredFrom,
            OccurredTo = message.OccurredTo,
            Cause = message.Cause,
            DataCategories = [.. message.DataCategories],
            Jurisdictions = [.. message.Jurisdictions],
            RecordedAt = clock.GetUtcNow(),
        });
        await Db.SaveChangesAsync(context.CancellationToken);
        await recompute.RecomputeAsync(Db, message.IncidentId, context.CancellationToken);
    }
}
