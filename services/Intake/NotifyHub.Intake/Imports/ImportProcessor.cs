using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports.Parsing;
using NotifyHub.Intake.Imports.Storage;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using System.Threading.Channels;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// An accepted upload waiting to be imported: its header is read and checked already. A resumed import skips the
/// <paramref name="SkipRows"/> rows its committed batches hold. Disposing closes the file; the spool itself is
/// destroyed only when the import ends (<see cref="ImportSpools.DestroyAsync"/>).
/// </summary>
internal sealed record ImportWork(Guid ImportId, Guid IncidentId, IReadOnlyList<string> IncidentCategories, RowSource Source,
    ImportSpoolReader Content, long SkipRows, long TotalBytes) : IDisposable
{
    public void Dispose() => Content.Dispose();
}

/// <summary>
/// Runs one import as a pipeline: one thread parses the file into parts of at most <see cref="PartRows"/> rows;
/// several parts are validated, blind-indexed and encrypted at once, each on its own thread (the CPU-heavy part); one
/// writer commits them in file order, a batch (<see cref="IntakeOptions.ImportBatchSize"/> rows, one or more parts) a
/// transaction. A bounded channel keeps memory flat: at most <see cref="IntakeOptions.PipelineDepth"/> parts are
/// queued ahead of the writer, whatever the batch size. (On 2 cores, three ahead was no faster than one and peaked 40 to
/// 60 MB higher; seven ahead peaked at 521–570 MB.)
/// </summary>
public sealed class ImportProcessor(IServiceScopeFactory scopes, IOptions<IntakeOptions> options, ImportSpools spools,
    ImportProgress progress, TimeProvider clock, ILogger<ImportProcessor> logger)
{
    internal async Task RunAsync(ImportWork work, CancellationToken ct)
    {
        using var _ = work;
        progress.Start(work.ImportId, work.TotalBytes);
        try
        {
            var countsChanged = await ImportAsync(work, ct);
            await FinishAsync(work.ImportId, work.IncidentId, ImportJob.Completed, null, countsChanged);
            logger.LogInformation("Import {ImportId} into incident {IncidentId} completed", work.ImportId, work.IncidentId);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // The server is stopping: the import stays running with its spool and resumes from its last committed
            // batch at the next start (ImportResumption), as after a crash.
            logger.LogInformation("Import {ImportId} paused by shutdown; it resumes at the next start", work.ImportId);
            progress.Finish(work.ImportId);
            return;
        }
        catch (Exception e)
        {
            // The reason is the exception type and our own message: neither carries a value from the file.
            logger.LogError("Import {ImportId} into incident {IncidentId} failed: {Error}", work.ImportId, work.IncidentId, e.GetType().Name);
            // Batches committed before the failure may have moved counts: announce them to be safe.
            await FinishAsync(work.ImportId, work.IncidentId, ImportJob.Failed, "the import failed; see the server log", countsChanged: true);
        }

        progress.Finish(work.ImportId);
        work.Dispose();
        await spools.DestroyAsync(work.ImportId);
    }

    /// <summary>
    /// Rows one thread prepares at a time. A batch larger than this is prepared in parts, on as many threads as the
    /// pipeline's depth allows, and the writer commits the parts together: larger batches save the writer round trips
    /// without holding more people in memory ahead of it, and without leaving the other core idle while one thread
    /// prepares a whole batch.
    /// </summary>
    public const int PartRows = 1000;

    /// <summary>The sizes of the parts a batch of <paramref name="batchSize"/> rows is prepared in.</summary>
    public static IEnumerable<int> Parts(int batchSize)
    {
        for (var left = batchSize; left > 0; left -= PartRows)
        {
            yield return Math.Min(left, PartRows);
        }
    }

    /// <summary>Runs the pipeline; true when the import moved any residence count.</summary>
    private async Task<bool> ImportAsync(ImportWork work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<IntakeDbContext>();
        var keys = services.GetRequiredService<KeyStore>();
        var dataKey = await keys.GetCurrentAsync(work.IncidentId, KeyKind.IncidentData, ct);
        var indexKey = await keys.GetCurrentAsync(work.IncidentId, KeyKind.IncidentIndex, ct);
        // Created here once, so that neither the parallel workers (the portal's projections) nor the consumers sealing
        // notifications' on request race to create a holder's first key.
        await keys.GetCurrentAsync(InternalHolders.Portal, KeyKind.Vendor, ct);
        await keys.GetCurrentAsync(InternalHolders.Notifications, KeyKind.Vendor, ct);

        var encoder = new PartyEncoder(scopes, dataKey, indexKey);
        IPartyStore store = db.Database.IsNpgsql() ? new PostgreSqlPartyStore() : new SqlitePartyStore();
        var writer = new ImportWriter(db, store, services.GetRequiredService<FieldCipher>(), services.GetRequiredService<ProjectionBuilder>(),
            encoder, work.IncidentId, work.ImportId, options.Value.MaxStoredIssues);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pipeline = Channel.CreateBounded<Task<PreparedBatch>>(new BoundedChannelOptions(options.Value.PipelineDepth)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var reading = Task.Factory.StartNew(() => Read(work, encoder, pipeline.Writer, stop.Token),
            stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            // Where the time goes (waiting for prepared batches = CPU-bound; writing = database-bound), for profiling.
            var waiting = new System.Diagnostics.Stopwatch();
            var writing = new System.Diagnostics.Stopwatch();
            var parts = new List<PreparedBatch>();
            await foreach (var part in pipeline.Reader.ReadAllAsync(stop.Token))
            {
                waiting.Start();
                parts.Add(await part);
                waiting.Stop();
                if (!parts[^1].EndsBatch)
                {
                    continue;
                }

                var prepared = PreparedBatch.Join(parts);
                parts.Clear();
                writing.Start();
                await writer.WriteAsync(prepared, stop.Token);
                writing.Stop();
                progress.Committed(work.ImportId, prepared.RowsRead, prepared.BytesThrough);
            }

            logger.LogInformation("Import {ImportId} (pipeline depth {Depth}): waited {Waiting} ms for prepared batches, wrote for {Writing} ms ({Phases}); looked up {LookedUpRows} rows in {LookedUpQueries} queries",
                work.ImportId, options.Value.PipelineDepth, waiting.ElapsedMilliseconds, writing.ElapsedMilliseconds, string.Join(", ", writer.Phases.Select(p => $"{p.Key} {p.Value} ms")),
                writer.LookedUp.Rows, writer.LookedUp.Queries);
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        await reading;
        return writer.CountsChanged;
    }

    /// <summary>The parsing thread: synchronous reads of the spooled file, one part handed to its own thread at a time.</summary>
    private void Read(ImportWork work, PartyEncoder encoder, ChannelWriter<Task<PreparedBatch>> pipeline, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var parts = Parts(options.Value.ImportBatchSize).ToArray();
        var part = 0;
        var rows = new List<RawRow>(parts[0]);
        try
        {
            // A resumed import: the committed batches' rows (and the file warnings, committed with the first) are done.
            for (var skipped = 0L; skipped < work.SkipRows && work.Source.Read() is not null; skipped++)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (work.SkipRows > 0)
            {
                work.Source.FileWarnings.Clear();
                progress.Skipped(work.ImportId, work.Content.Consumed);
            }

            while (work.Source.Read() is { } row)
            {
                rows.Add(row);
                if (rows.Count == parts[part])
                {
                    part = (part + 1) % parts.Length;
                    Emit(endsBatch: part == 0);
                    rows = new List<RawRow>(parts[part]);
                }
            }

            if (rows.Count > 0 || work.Source.FileWarnings.Count > 0 || part > 0)
            {
                Emit(endsBatch: true);
            }

            pipeline.Complete();
        }
        catch (Exception e)
        {
            pipeline.Complete(e);
        }

        void Emit(bool endsBatch)
        {
            var batchRows = rows;
            var bytesThrough = work.Content.Consumed;
            var warnings = work.Source.FileWarnings.ToList();
            work.Source.FileWarnings.Clear();
            // A dedicated thread per batch, not the thread pool: a batch takes the CPU for a long stretch, and on the
            // pool it queued the writer's database continuations behind it (the writer, not the CPU, is the
            // bottleneck). The prepare steps complete synchronously (keys are cached), so blocking here is cheap.
            var prepared = Task.Factory.StartNew(
                () => PrepareAsync(batchRows, bytesThrough, warnings, encoder, work.IncidentCategories, today, endsBatch).GetAwaiter().GetResult(),
                ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (!pipeline.TryWrite(prepared))
            {
                pipeline.WriteAsync(prepared, ct).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private static async Task<PreparedBatch> PrepareAsync(List<RawRow> rows, long bytesThrough, List<RowIssue> warnings, PartyEncoder encoder,
        IReadOnlyList<string> incidentCategories, DateOnly today, bool endsBatch)
    {
        var rejections = new List<RowIssue>();
        var accepted = new List<NormalizedParty>(rows.Count);
        foreach (var row in rows)
        {
            var (party, rejection) = PartyRules.Apply(row, incidentCategories, today);
            if (party is not null)
            {
                accepted.Add(party);
                warnings.AddRange(party.Warnings);
            }
            else
            {
                rejections.Add(rejection!);
            }
        }

        return new PreparedBatch
        {
            RowsRead = rows.Count,
            BytesThrough = bytesThrough,
            Parties = await encoder.PrepareAsync(accepted),
            Rejections = rejections,
            Warnings = warnings,
            EndsBatch = endsBatch,
        };
    }

    /// <summary>
    /// Marks the import finished and, when it moved any count, announces the incident's affected counts per
    /// jurisdiction (the whole incident, not the import's share), in one transaction. An import that changed nothing
    /// publishes nothing.
    /// </summary>
    internal async Task FinishAsync(Guid importId, Guid incidentId, string status, string? failure, bool countsChanged)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var now = clock.GetUtcNow();
        // The finish, the affected counts and the audit entry (with the import's counts) commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (countsChanged)
        {
            var counts = await db.ResidenceCounts.AsNoTracking().Where(c => c.IncidentId == incidentId && c.Count != 0)
                .ToDictionaryAsync(c => c.Jurisdiction, c => c.Count, CancellationToken.None);
            db.Publish(new AffectedPartiesCounted(incidentId, counts, now));
        }

        await db.Imports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, status)
            .SetProperty(i => i.Failure, failure)
            .SetProperty(i => i.FinishedAt, now), CancellationToken.None);
        var import = await db.Imports.AsNoTracking().FirstAsync(i => i.Id == importId, CancellationToken.None);
        db.Audit(new AuditEvent(PrivilegedActions.ImportFinished, status == ImportJob.Completed ? AuditOutcomes.Done : AuditOutcomes.Failed)
        {
            ActorUserId = Guid.TryParse(import.CreatedBy, out var actor) ? actor : null,
            SubjectId = import.Id,
            Details = new Dictionary<string, string>
            {
                ["incident_id"] = import.IncidentId.ToString(),
                ["rows_read"] = Count(import.RowsRead),
                ["accepted"] = Count(import.Accepted),
                ["updated"] = Count(import.Updated),
                ["rejected"] = Count(import.Rejected),
                ["warnings"] = Count(import.Warnings),
            },
        });
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private static string Count(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
