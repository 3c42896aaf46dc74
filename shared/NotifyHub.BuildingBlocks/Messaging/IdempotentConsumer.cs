using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Base for every consumer that changes state: the handling, the inbox row and any outbox rows it writes
/// commit in one transaction, so a redelivered message (same message id) has no second effect.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext, IOutboxDbContext
{
    protected TContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var consumer = GetType().FullName!;

        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(context.CancellationToken);
        var seen = await Db.InboxMessages.AnyAsync(
            m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken);
        if (seen)
        {
            return;
        }

        await HandleAsync(context.Message, context);
        Db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = Db.Clock().GetUtcNow() });
        await Db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>Changes state through <see cref="Db"/>; the base saves and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
