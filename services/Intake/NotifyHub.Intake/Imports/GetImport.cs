using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Intake.Imports;

public sealed record GetImport(Guid IncidentId, Guid ImportId) : IQuery<ImportStatus>;

/// <summary>
/// The contract's status body: counts are live while the import runs. While it runs, <see cref="RowsPerSecond"/>,
/// <see cref="FractionDone"/> (0 to 1, by bytes of the file) and <see cref="SecondsLeft"/> (an estimate) come from
/// its committed batches (<see cref="ImportProgress"/>); they are null when not known: before the first batch of a
/// run commits, and once it has ended.
/// </summary>
public sealed record ImportStatus(
    Guid Id, string Status, long RowsRead, long Accepted, long Updated, long Rejected, long Warnings, string? Failure,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, double? RowsPerSecond, double? FractionDone, double? SecondsLeft)
{
    internal ImportStatus WithPace(ImportProgress progress) =>
        Status == ImportJob.Running && progress.Of(Id) is { } pace
            ? this with { RowsPerSecond = Math.Round(pace.RowsPerSecond, 1), FractionDone = Math.Round(pace.FractionDone, 4), SecondsLeft = pace.SecondsLeft }
            : this;
}

public sealed class GetImportHandler(IntakeDbContext db, ImportProgress progress) : IQueryHandler<GetImport, ImportStatus>
{
    public async ValueTask<ImportStatus> Handle(GetImport query, CancellationToken cancellationToken) =>
        (await db.Imports.AsNoTracking()
            .Where(i => i.Id == query.ImportId && i.IncidentId == query.IncidentId)
            .Select(i => new ImportStatus(i.Id, i.Status, i.RowsRead, i.Accepted, i.Updated, i.Rejected, i.Warnings, i.Failure,
                i.StartedAt, i.FinishedAt, null, null, null))
            .FirstOrDefaultAsync(cancellationToken))?.WithPace(progress)
        ?? throw ProblemException.NotFound("Import", query.ImportId);
}

public sealed record GetImportIssues(Guid IncidentId, Guid ImportId) : IQuery<IAsyncEnumerable<ImportIssue>>;

public sealed class GetImportIssuesHandler(IntakeDbContext db, CurrentActor actor) : IQueryHandler<GetImportIssues, IAsyncEnumerable<ImportIssue>>
{
    public async ValueTask<IAsyncEnumerable<ImportIssue>> Handle(GetImportIssues query, CancellationToken cancellationToken)
    {
        if (!await db.Imports.AnyAsync(i => i.Id == query.ImportId && i.IncidentId == query.IncidentId, cancellationToken))
        {
            throw ProblemException.NotFound("Import", query.ImportId);
        }

        // Data leaving the system: recorded before the first line is sent.
        var issues = await db.ImportIssues.CountAsync(i => i.ImportId == query.ImportId, cancellationToken);
        db.Audit(actor.Stamp(new AuditEvent(PrivilegedActions.ImportErrorsDownloaded, AuditOutcomes.Granted)
        {
            SubjectId = query.ImportId,
            Details = new Dictionary<string, string>
            {
                ["incident_id"] = query.IncidentId.ToString(),
                ["issues"] = issues.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        }));
        await db.SaveChangesAsync(cancellationToken);

        return db.ImportIssues.AsNoTracking().Where(i => i.ImportId == query.ImportId).OrderBy(i => i.Line).ThenBy(i => i.Id).AsAsyncEnumerable();
    }
}
