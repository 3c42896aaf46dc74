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
        var imports = db.Imports.AsNoTracking().Where(i => i.IncidentId == query.IncidentId);
        var items = await imports.OrderByDescending(i => i.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(i => new ImportStatus(i.Id, i.Status, i.RowsRead, i.Accepted, i.Updated, i.Rejected, i.Warnings, i.Failure,
                i.StartedAt, i.FinishedAt, null, null, null))
            .ToListAsync(cancellationToken);

        // The incident's dashboard lists them at every load: the usual answer (a first page that is not full, of an
        // incident that has imports) needs this one query. Only an empty page asks whether the incident exists, and
        // only a full or later page counts.
        if (items.Count == 0 && !await db.Incidents.AnyAsync(i => i.Id == query.IncidentId, cancellationToken))
        {
            throw ProblemException.NotFound("Incident", query.IncidentId);
        }

        var total = query.Page.Skip == 0 && items.Count < query.Page.Take ? items.Count : await imports.CountAsync(cancellationToken);
        return new Paged<ImportStatus>([.. items.Select(i => i.WithPace(progress))], query.Page.Skip, query.Page.Take, total);
    }
}
