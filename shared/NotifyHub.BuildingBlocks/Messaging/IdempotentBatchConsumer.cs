using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// <see cref="IdempotentConsumer{TMessage, TContext}"/> for a batch: the handling of every message not yet seen and
/// their inbox rows commit in one transaction, so a batch costs a few round trips instead of a few per message, and a
/// redelivered message (same message id, alone or in a later batch) has no second effect. The inbox rows carry the
/// consumer's class name, as the single-message base writes them, and are written before the handling
/// (<see cref="InboxClaim"/>): a handler that fails rolls them back with its own changes.
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage, TContext>(TContext db) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : DbContext, IOutboxDbContext
{
    protected TContext Db { get; } = db;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var consumer = GetType().FullName!;
        var arrived = new List<(Guid MessageId, TMessage Message)>(context.Message.Length);
        foreach (var message in context.Message)
        {
            var messageId = message.MessageId
                ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
            arrived.Add((messageId, message.Message));
        }

        var ids = arrived.Select(m => m.MessageId).Distinct().ToList();
        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(context.CancellationToken);
        var unseen = await InboxClaim.FreshAsync(Db, consumer, ids, Db.Clock().GetUtcNow(), context.CancellationToken);
        // A message id twice in one batch (the broker redelivered it before the first copy was acknowledged) counts once.
        var fresh = arrived.Where(m => unseen.Remove(m.MessageId)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        await HandleAsync(fresh.ConvertAll(m => m.Message), context);
        await Db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>Changes state through <see cref="Db"/> for the messages not yet handled, in arrival order; the base saves and commits.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<TMessage> messages, ConsumeContext<Batch<TMessage>> context);
}
