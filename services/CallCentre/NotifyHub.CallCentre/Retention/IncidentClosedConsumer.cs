using MassTransit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.CallCentre.Database;
using NotifyHub.Contracts.Intake;

namespace NotifyHub.CallCentre.Retention;

/// <summary>Records when a closed incident's call-centre data must go; <see cref="RetentionPurge"/> removes it then.</summary>
public sealed class IncidentClosedConsumer(CallCentreDbContext db) : IdempotentConsumer<IncidentClosed, CallCentreDbContext>(db)
{
    protected override async Task HandleAsync(IncidentClosed message, ConsumeContext<IncidentClosed> context)
    {
        var incident = await Db.Incidents.FindAsync([message.IncidentId], context.CancellationToken);
        if (incident is null)
        {
            incident = new CallCentreIncident { Id = message.IncidentId, OpenedAt = message.ClosedAt };
            Db.Incidents.Add(incident);
        }

        incident.ClosedAt = message.ClosedAt;
        incident.RetainUntil = message.RetainUntil;
    }
}
