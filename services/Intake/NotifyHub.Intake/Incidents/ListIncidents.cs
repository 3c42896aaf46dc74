using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Intake.Database;

namespace NotifyHub.Intake.Incidents;

/// <summary><c>GET /api/v1/incidents?skip&amp;take</c>: newest first (ids are time-ordered version 7 GUIDs).</summary>
public sealed record ListIncidents(PageRequest Page) : IQuery<Paged<IncidentSummary>>;

public sealed record IncidentSummary(
    Guid Id, string Title, string Cause, string Status, DateTimeOffset DiscoveredAt, DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt, DateTimeOffset? RetainUntil);

public sealed class ListIncidentsHandler(IntakeDbContext db) : IQueryHandler<ListIncidents, Paged<IncidentSummary>>
{
    public async ValueTask<Paged<IncidentSummary>> Handle(ListIncidents query, CancellationToken cancellationToken)
    {
        var total = await db.Incidents.CountAsync(cancellationToken);
        var items = await db.Incidents.AsNoTracking()
            .OrderByDescending(i => i.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(i => new IncidentSummary(i.Id, i.Title, i.Cause, i.Status.ToCode(), i.DiscoveredAt, i.CreatedAt, i.ClosedAt, i.RetainUntil))
            .ToListAsync(cancellationToken);
        return new Paged<IncidentSummary>(items, query.Page.Skip, query.Page.Take, total);
    }
}
