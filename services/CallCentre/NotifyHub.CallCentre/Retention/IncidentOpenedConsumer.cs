using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.Intake;

namespace NotifyHub.CallCentre.Retention;

/// <summary>Remembers each incident, so vendors and scripts are attached only to a real one.</summary>
public sealed class IncidentOpenedConsumer(CallCentreDbContext db) : IdempotentConsumer<IncidentOpened, CallCentreDbContext>(db)
{
    protected override async Task HandleAsync(IncidentOpened message, ConsumeContext<IncidentOpened> context)
    {
        if (await Db.Incidents.FindAsync([message.IncidentId], context.CancellationToken) is null)
        {
            Db.Incidents.Add(new CallCentreIncident { Id = message.IncidentId, OpenedAt = message.OpenedAt });
        }
    }
}
