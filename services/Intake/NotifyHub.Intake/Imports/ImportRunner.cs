using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Threading.Channels;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// Runs accepted imports in the background, one at a time per process (each already uses every core), so the
/// upload request can answer 202 at once and the status endpoint shows live counts. At start it first queues the
/// imports a crash or a stop interrupted (<see cref="ImportResumption"/>).
/// </summary>
public sealed class ImportRunner(ImportProcessor processor, ImportResumption resumption, ILogger<ImportRunner> logger) : BackgroundService
{
    private readonly Channel<ImportWork> _queue = Channel.CreateUnbounded<ImportWork>(new UnboundedChannelOptions { SingleReader = true });

    internal void Enqueue(ImportWork work)
    {
        if (!_queue.Writer.TryWrite(work))
        {
            // Stopping: the import is recorded running and its spool kept, so the next start resumes it.
            work.Dispose();
            logger.LogInformation("Import {ImportId} queued while the server stops; it runs at the next start", work.ImportId);
        }
    }

    /// <summary>
    /// Hosted services start in registration order and the database migrator is registered with the module's
    /// database, before this: the tables exist here, and the server is not yet taking uploads.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var work in await resumption.PrepareAsync(cancellationToken))
        {
            _queue.Writer.TryWrite(work);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await processor.RunAsync(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the imports still queued stay running and resume at the next start.
        }

        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var left))
        {
            left.Dispose();
        }
    }
}
