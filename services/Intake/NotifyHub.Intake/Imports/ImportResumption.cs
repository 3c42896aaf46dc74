using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports.Parsing;
using NotifyHub.Privacy.Audit;
using System.Globalization;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// At start, before the server takes uploads: every import still <c>running</c> was interrupted (a crash, a kill, a
/// stop). Each is reopened from its spool and continues after its last committed batch: a batch commits its people,
/// its events (outbox) and the import's counts in one transaction, so the committed <see cref="ImportJob.RowsRead"/>
/// is exactly where to continue, and the finished import has the counts an uninterrupted run would have. An import
/// whose spool is gone or unreadable is marked <c>failed</c> with the reason, never left running; spools no import
/// owns (a crash during an upload) are shredded.
/// </summary>
/// <remarks>
/// This assumes one process runs imports against the database, as the runner already does (one import at a time per
/// process): a second instance starting while another is importing would resume the same import.
/// </remarks>
public sealed class ImportResumption(IServiceScopeFactory scopes, ImportSpools spools, ImportProcessor processor,
    ILogger<ImportResumption> logger)
{
    internal async Task<IReadOnlyList<ImportWork>> PrepareAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var running = await db.Imports.AsNoTracking().Where(i => i.Status == ImportJob.Running).ToListAsync(ct);
        running = [.. running.OrderBy(i => i.StartedAt)];

        var works = new List<ImportWork>();
        foreach (var import in running)
        {
            try
            {
                var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == import.IncidentId, ct);
                works.Add(await OpenAsync(import, incident.DataCategories, ct));
                db.Audit(new AuditEvent(PrivilegedActions.ImportResumed, AuditOutcomes.Done)
                {
                    ActorUserId = Guid.TryParse(import.CreatedBy, out var actor) ? actor : null,
                    SubjectId = import.Id,
                    Details = new Dictionary<string, string>
                    {
                        ["incident_id"] = import.IncidentId.ToString(),
                        ["rows_read"] = import.RowsRead.ToString(CultureInfo.InvariantCulture),
                    },
                });
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Import {ImportId} resumes after {RowsRead} committed rows", import.Id, import.RowsRead);
            }
            catch (ImportSpoolUnavailableException e)
            {
                // The reason is our own sentence: it never carries a value from the file.
                logger.LogError("Import {ImportId} cannot resume: {Reason} ({Error})", import.Id, e.Message, e.InnerException?.GetType().Name);
                await processor.FinishAsync(import.Id, import.IncidentId, ImportJob.Failed,
                    $"interrupted by a restart and cannot resume: {e.Message}", countsChanged: true);
                await spools.DestroyAsync(import.Id);
            }
        }

        foreach (var orphan in spools.OnDisk().Except(running.Select(r => r.Id)))
        {
            logger.LogInformation("Shredding spool {ImportId}: no running import owns it", orphan);
            await spools.DestroyAsync(orphan);
        }

        return works;
    }

    private async Task<ImportWork> OpenAsync(ImportJob import, IReadOnlyList<string> categories, CancellationToken ct)
    {
        var spool = await spools.OpenAsync(import.Id, ct);
        var content = spool.OpenRead();
        try
        {
            var encoding = ImportEncodings.Resolve(import.Encoding, spool.Head)
                ?? throw new ImportSpoolUnavailableException("its encoding is no longer supported");
            var buffer = new CharBuffer(content, encoding);
            RowSource source = import.Format == "csv" ? new CsvRowSource(buffer) : new NdjsonRowSource(buffer);
            source.Open();
            return new ImportWork(import.Id, import.IncidentId, categories, source, content, import.RowsRead, spool.Length);
        }
        catch (Exception e) when (e is ImportFileException or InvalidDataException or IOException)
        {
            await content.DisposeAsync();
            throw new ImportSpoolUnavailableException("the spooled file cannot be read", e);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }
}
