using Microsoft.Extensions.DependencyInjection;
using System.Threading.Channels;

namespace NotifyHub.Privacy.Audit;

/// <summary>
/// Group commit for the audit chain. Every append takes the chain's single head row, so appends from concurrent
/// requests queue behind each other, each waiting for the one before to flush its commit to disk: a few hundred a
/// second at best on a durable database, whatever the number of cores. Here concurrent appends from this process are
/// gathered and written by one writer in one transaction, one flush for the lot. Each caller still returns only once
/// its own entry has committed, so "audited before the data leaves" holds exactly as with a single append.
/// </summary>
public sealed class AuditGroupCommit(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Entries per transaction: bounds how long one commit holds the head row.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _writer;

    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var pending = new Pending(auditEvent, new TaskCompletionSource<AuditEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        EnsureWriter();
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is { } writer)
        {
            await writer;
        }
    }

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }

        lock (_startLock)
        {
            // Not the first caller's context: its request, trace and CLI operator must not follow every later entry.
            using (ExecutionContext.SuppressFlow())
            {
                _writer ??= Task.Run(WriteAsync);
            }
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var entries = await AppendInOneTransactionAsync(batch.Select(p => p.Event).ToList());
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(entries[i]);
                }
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One entry the store refuses must not fail its neighbours: retry them one by one, each on its own.
                foreach (var pending in batch)
                {
                    await AppendAloneAsync(pending);
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }

    private async Task AppendAloneAsync(Pending pending)
    {
        try
        {
            pending.Done.TrySetResult((await AppendInOneTransactionAsync([pending.Event]))[0]);
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> AppendInOneTransactionAsync(IReadOnlyList<AuditEvent> events)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendBatchAsync(events, CancellationToken.None);
    }

    private sealed record Pending(AuditEvent Event, TaskCompletionSource<AuditEntry> Done);
}
