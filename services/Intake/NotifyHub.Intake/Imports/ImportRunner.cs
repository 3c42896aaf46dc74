using Microsoft.Extensions.Hosting;
using System.Threading.Channels;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// Runs accepted imports in the background, one at a time per process (each already uses every core), so the
/// upload request can answer 202 at once and the status endpoint shows live counts.
/// </summary>
public sealed class ImportRunner(ImportProcessor processor) : BackgroundService
{
    private readonly Channel<ImportWork> _queue = Channel.CreateUnbounded<ImportWork>(new UnboundedChannelOptions { SingleReader = true });

    internal void Enqueue(ImportWork work)
    {
        if (!_queue.Writer.TryWrite(work))
        {
            work.Dispose();
            throw new InvalidOperationException("The import queue is closed: the server is stopping.");
        }
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
            // Stopping: queued imports are marked failed below.
        }

        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var left))
        {
            await processor.RunAsync(left, stoppingToken);
        }
    }
}
