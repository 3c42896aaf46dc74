using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Intake.Database;

namespace NotifyHub.Intake.Imports;

public sealed record GetImport(Guid IncidentId, Guid ImportId) : IQuery<ImportStatus>;

/// <summary>The contract's status body: counts are live while the import runs.</summary>
public sealed record ImportStatus(
    Guid Id, string Status, long RowsRead, long Accepted, long Updated, long Rejected, long Warnings, string? Failure,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

public sealed class GetImportHandler(IntakeDbContext db) : IQueryHandler<GetImport, ImportStatus>
{
    public async ValueTask<ImportStatus> Handle(GetImport query, CancellationToken cancellationToken) =>
        await db.Imports.AsNoTracking()
            .Where(i => i.Id == query.ImportId && i.IncidentId == query.IncidentId)
            .Select(i => new ImportStatus(i.Id, i.Status, i.RowsRead, i.Accepted, i.Updated, i.Rejected, i.Warnings, i.Failure,
                i.StartedAt, i.FinishedAt))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw ProblemException.NotFound("Import", query.ImportId);
}

public sealed record GetImportIssues(Guid IncidentId, Guid ImportId) : IQuery<IAsyncEnumerable<ImportIssue>>;

public sealed class GetImportIssuesHandler(IntakeDbContext db) : IQueryHandler<GetImportIssues, IAsyncEnumerable<ImportIssue>>
{
    public async ValueTask<IAsyncEnumerable<ImportIssue>> Handle(GetImportIssues query, CancellationToken cancellationToken)
    {
        if (!await db.Imports.AnyAsync(i => i.Id == query.ImportId && i.IncidentId == query.IncidentId, cancellationToken))
        {
            throw ProblemException.NotFound("Import", query.ImportId);
        }

        return db.ImportIssues.AsNoTracking().Where(i => i.ImportId == query.ImportId).OrderBy(i => i.Line).ThenBy(i => i.Id).AsAsyncEnumerable();
    }
}
