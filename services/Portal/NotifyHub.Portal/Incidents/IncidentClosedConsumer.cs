using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Intake;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Statements;

namespace NotifyHub.Portal.Incidents;

/// <summary>
/// A closed incident stops answering: its people, sessions and histories are removed, so the portal keeps nothing
/// about a person longer than the incident it belongs to.
/// </summary>
public sealed class IncidentClosedConsumer(PortalDbContext db, OpenIncidents open, IncidentTexts texts) : IdempotentConsumer<IncidentClosed, PortalDbContext>(db)
{
    protected override async Task HandleAsync(IncidentClosed message, ConsumeContext<IncidentClosed> context)
    {
        var ct = context.CancellationToken;
        var id = message.IncidentId;
        await Db.Incidents.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Open, false), ct);
        await Db.Sessions.Where(s => s.IncidentId == id).ExecuteDeleteAsync(ct);
        await Db.Notifications.Where(n => n.IncidentId == id).ExecuteDeleteAsync(ct);
        await Db.People.Where(p => p.IncidentId == id).ExecuteDeleteAsync(ct);
        open.Invalidate();
        texts.Invalidate();
    }
}
