using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Publishes a module's outbox rows and deletes them once the broker has confirmed them.
/// A crash after publishing and before deleting republishes the same message id: consumers' inboxes absorb it.
/// On PostgreSQL, rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> so several instances share the work.
/// </summary>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal<TContext> signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IOutboxDbContext
{
    private static readonly ActivitySource Source = new("NotifyHub.Outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await DispatchBatchAsync(settings.BatchSize, stoppingToken);
            }
            catch (ObjectDisposedException)
            {
                // The host failed to start (or is going away) and disposed its services under us: nothing left to do.
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDispatchFailed(logger, ex, typeof(TContext).Name);
                published = 0;
                await Task.Delay(settings.RetryDelay, stoppingToken);
            }

            if (published < settings.BatchSize)
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes up to <paramref name="batchSize"/> rows; returns how many went out.</summary>
    public async Task<int> DispatchBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimAsync(db, batchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        if (batch.Exists(AuditOutbox.IsAudit))
        {
            // Audit entries written in the module's transactions go to the audit chain, never to the bus.
            await scope.ServiceProvider.GetRequiredService<AuditOutboxAppender>().AppendAsync(batch, cancellationToken);
        }

        await Task.WhenAll(batch.Where(row => !AuditOutbox.IsAudit(row)).Select(row => PublishAsync(publisher, row, cancellationToken)));
        // One DELETE for the batch: the database parses and plans one statement instead of one per row.
        var ids = batch.Select(row => row.Id).ToList();
        await db.OutboxMessages.Where(row => ids.Contains(row.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private static Task<List<OutboxMessage>> ClaimAsync(TContext db, int batchSize, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).Take(batchSize).ToListAsync(ct);
        }

        // Names come from the model: a context may apply a naming convention (the privacy store is snake_case).
        var names = StoreNames.Of<OutboxMessage>(db);
#pragma warning disable EF1002 // the table and column names come from the model, not from input; the limit is a parameter
        return db.OutboxMessages
            .FromSqlRaw($"SELECT * FROM {names.Table} ORDER BY {names.Column(nameof(OutboxMessage.Id))} LIMIT {{0}} FOR UPDATE SKIP LOCKED", batchSize)
            .AsNoTracking().ToListAsync(ct);
#pragma warning restore EF1002
    }

    private static async Task PublishAsync(IPublishEndpoint publisher, OutboxMessage row, CancellationToken ct)
    {
        var type = Type.GetType(row.MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxPublishing.Json)!;

        // Continue the trace of the request that wrote the row, so publisher and consumer share one trace.
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        await publisher.Publish(message, type, Pipe.Execute<PublishContext>(ctx => ctx.MessageId = row.MessageId), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch for {Context} failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string context);
}
