using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Intake;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Statements;

namespace NotifyHub.Portal.Incidents;

/// <summary>Learns of a new incident: its reference codes become checkable once intake sends its people.</summary>
public sealed class IncidentOpenedConsumer(PortalDbContext db, OpenIncidents open, IncidentTexts texts) : IdempotentConsumer<IncidentOpened, PortalDbContext>(db)
{
    protected override async Task HandleAsync(IncidentOpened message, ConsumeContext<IncidentOpened> context)
    {
        if (!await Db.Incidents.AnyAsync(i => i.Id == message.IncidentId, context.CancellationToken))
        {
            Db.Incidents.Add(new PortalIncident
            {
                Id = message.IncidentId, Title = message.Title, Summary = message.Summary, OpenedAt = message.OpenedAt,
            });
        }

        open.Invalidate();
        texts.Invalidate();
    }
}
