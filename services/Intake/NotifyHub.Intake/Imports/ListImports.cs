using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Intake.Database;

namespace NotifyHub.Intake.Imports;

/// <summary><c>GET /api/v1/incidents/{id}/imports?skip&amp;take</c>: an incident's imports with their counts, newest first.</summary>
public sealed record ListImports(Guid IncidentId, PageRequest Page) : IQuery<Paged<ImportStatus>>;

public sealed class ListImportsHandler(IntakeDbContext db, ImportProgress progress) : IQueryHandler<ListImports, Paged<ImportStatus>>
{
    public async ValueTask<Paged<ImportStatus>> Handle(ListImports query, CancellationToken cancellationToken)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == query.IncidentId, cancellationToken))
        {
            throw ProblemException.NotFound("Incident", query.IncidentId);
        }

        var imports = db.Imports.AsNoTracking().Where(i => i.IncidentId == query.IncidentId);
        var total = await imports.CountAsync(cancellationToken);
        var items = await imports.OrderByDescending(i => i.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(i => new ImportStatus(i.Id, i.Status, i.RowsRead, i.Accepted, i.Updated, i.Rejected, i.Warnings, i.Failure,
                i.StartedAt, i.FinishedAt, null, null, null))
            .ToListAsync(cancellationToken);
        return new Paged<ImportStatus>([.. items.Select(i => i.WithPace(progress))], query.Page.Skip, query.Page.Take, total);
    }
}
