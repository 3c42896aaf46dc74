using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Wakes the dispatcher of one module database as soon as a transaction that may hold outbox rows
/// commits, so messages leave in milliseconds rather than at the next poll.
/// </summary>
public sealed class OutboxSignal<TContext> : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another writer signalled at the same moment: one wake-up is enough.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);

    internal sealed class SaveChanges(OutboxSignal<TContext> signal) : SaveChangesInterceptor
    {
        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context?.Database.CurrentTransaction is null)
            {
                signal.Notify();
            }

            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            signal.Notify();
            return result;
        }
    }

    internal sealed class Commit(OutboxSignal<TContext> signal) : DbTransactionInterceptor
    {
        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            signal.Notify();
            return Task.CompletedTask;
        }
    }
}
