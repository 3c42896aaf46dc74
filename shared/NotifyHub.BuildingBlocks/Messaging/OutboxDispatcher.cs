using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Database;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Publishes a module's outbox rows and deletes them once the broker has confirmed them.
/// A crash after publishing and before deleting republishes the same message id: consumers' inboxes absorb it.
/// On PostgreSQL, rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> so several instances share the work.
/// Each row succeeds or fails on its own: a row that cannot be read or sent counts an attempt and, after
/// <see cref="OutboxOptions.MaxAttempts"/>, is parked, so one poison row never holds back the rows behind it.
/// On the in-memory bus a published row is kept until the bus has handled its message (<see cref="InMemoryHandOff"/>).
/// </summary>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal<TContext> signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger,
    InMemoryHandOff? handOff = null) : BackgroundService
    where TContext : DbContext, IOutboxDbContext
{
    private static readonly ActivitySource Source = new("NotifyHub.Outbox");

    /// <summary>Rows published to the in-memory bus and kept until it has handled them, with when each was handed over.</summary>
    private readonly ConcurrentDictionary<long, DateTimeOffset> _handedOff = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await WaitForBusAsync(stoppingToken);
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
                await DeleteHandledAsync(stoppingToken);
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Hosted services start side by side, so rows can be waiting before the bus has bound its queues. On the in-memory
    /// transport (and on a broker the first time) a message published then reaches no queue and is lost although the
    /// send succeeded, and its row would be deleted: the first batch waits until every receive endpoint is ready.
    /// </summary>
    private async Task WaitForBusAsync(CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var bus = scope.ServiceProvider.GetService<IBusControl>();
        var waited = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        while (bus is not null && !stoppingToken.IsCancellationRequested && bus.CheckHealth() is { Status: not BusHealthStatus.Healthy } health)
        {
            if (waited.Elapsed - reported > TimeSpan.FromSeconds(30))
            {
                reported = waited.Elapsed;
                LogWaitingForBus(logger, typeof(TContext).Name, health.Description, waited.Elapsed);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), stoppingToken);
        }
    }

    /// <summary>Publishes up to <paramref name="batchSize"/> rows; returns how many went out.</summary>
    /// <exception cref="OutboxUnavailableException">No row of the batch could be sent and the bus reports it is
    /// not healthy: an outage, not poison, so no row is charged an attempt.</exception>
    public async Task<int> DispatchBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimAsync(db, batchSize, [.. _handedOff.Keys], cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        // Audit entries written in the module's transactions go to the audit chain, never to the bus.
        var audit = batch.Where(AuditOutbox.IsAudit).ToList();
        if (audit.Count > 0)
        {
            await scope.ServiceProvider.GetRequiredService<AuditOutboxAppender>().AppendAsync(audit, cancellationToken);
        }

        var messages = batch.Where(row => !AuditOutbox.IsAudit(row)).ToList();
        var outcomes = await Task.WhenAll(messages.Select(row => OutboxRowPublisher.PublishAsync(publisher, row, Source, cancellationToken)));
        var sent = audit.Select(row => row.Id).Concat(messages.Where((_, i) => outcomes[i] is null).Select(row => row.Id)).ToList();
        var failed = messages.Select((row, i) => (row, error: outcomes[i])).Where(f => f.error is not null).ToList();
        if (sent.Count == 0 && failed.All(f => f.error is OutboxSendFailure) && !BusIsHealthy(scope.ServiceProvider))
        {
            throw new OutboxUnavailableException(failed[0].error!.Exception);
        }

        // One DELETE for the batch: the database parses and plans one statement instead of one per row. On the
        // in-memory bus only the audit rows go now; the messages' rows wait until the bus has handled them.
        var deleted = handOff is null ? sent : audit.Select(row => row.Id).ToList();
        if (deleted.Count > 0)
        {
            await db.OutboxMessages.Where(row => deleted.Contains(row.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        if (handOff is not null)
        {
            var handedOffAt = clock.GetUtcNow();
            foreach (var id in sent.Except(deleted))
            {
                _handedOff[id] = handedOffAt;
            }
        }

        if (failed.Count > 0)
        {
            await RecordFailuresAsync(db, failed, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return sent.Count;
    }

    /// <summary>
    /// Deletes the rows whose messages the in-memory bus has handled, once every endpoint has been idle long enough
    /// to say so.
    /// </summary>
    private async Task DeleteHandledAsync(CancellationToken cancellationToken)
    {
        if (handOff?.HandledBefore() is not { } before)
        {
            return;
        }

        var handled = _handedOff.Where(row => row.Value <= before).Select(row => row.Key).ToList();
        if (handled.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.OutboxMessages.Where(row => handled.Contains(row.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var id in handled)
        {
            _handedOff.TryRemove(id, out _);
        }
    }

    private async Task RecordFailuresAsync(TContext db, List<(OutboxMessage Row, OutboxFailure? Error)> failed, CancellationToken ct)
    {
        var maxAttempts = options.Value.MaxAttempts;
        var now = clock.GetUtcNow();
        foreach (var (row, error) in failed)
        {
            row.Attempts++;
            row.LastError = error!.Describe();
            if (row.Attempts >= maxAttempts)
            {
                row.ParkedAt = now;
                OutboxMetrics.Parked.Add(1, new KeyValuePair<string, object?>("context", typeof(TContext).Name));
                LogParked(logger, error.Exception, row.Id, row.MessageType, typeof(TContext).Name, row.Attempts);
            }
            else
            {
                LogPublishFailed(logger, error.Exception, row.Id, row.MessageType, row.Attempts, maxAttempts);
            }

            db.OutboxMessages.Attach(row);
            var entry = db.Entry(row);
            entry.Property(m => m.Attempts).IsModified = true;
            entry.Property(m => m.LastError).IsModified = true;
            entry.Property(m => m.ParkedAt).IsModified = true;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// A send failure is charged to the row only while the bus says it is up: during a broker outage every send
    /// fails, and parking the whole outbox then would turn a short outage into lost events.
    /// </summary>
    private static bool BusIsHealthy(IServiceProvider services) =>
        services.GetService<IBusControl>() is not { } bus || bus.CheckHealth().Status == BusHealthStatus.Healthy;

    /// <summary>The next unparked rows, but not those already <paramref name="handedOff"/> to the in-memory bus.</summary>
    private static Task<List<OutboxMessage>> ClaimAsync(TContext db, int batchSize, long[] handedOff, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return db.OutboxMessages.AsNoTracking().Where(m => m.ParkedAt == null && !handedOff.Contains(m.Id))
                .OrderBy(m => m.Id).Take(batchSize).ToListAsync(ct);
        }

        // Names come from the model: a context may apply a naming convention (the privacy store is snake_case).
        var names = StoreNames.Of<OutboxMessage>(db);
        var id = names.Column(nameof(OutboxMessage.Id));
        // NOT IN a subquery, not "<> ALL(array)": PostgreSQL hashes the subquery's ids once, where it would compare
        // each row with every id of the array (during a large import, thousands of rows wait for the in-memory bus).
        var notHandedOff = handedOff.Length == 0 ? "" : $"AND {id} NOT IN (SELECT unnest({{1}})) ";
        var sql = $"SELECT * FROM {names.Table} WHERE {names.Column(nameof(OutboxMessage.ParkedAt))} IS NULL " +
            $"{notHandedOff}ORDER BY {id} LIMIT {{0}} FOR UPDATE SKIP LOCKED";
        // The table and column names come from the model, not from input; the limit and the ids are parameters.
        var claimed = handedOff.Length == 0 ? db.OutboxMessages.FromSqlRaw(sql, batchSize) : db.OutboxMessages.FromSqlRaw(sql, batchSize, handedOff);
        return claimed.AsNoTracking().ToListAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox of {Context} waits for the bus to be ready ({Health}) since {Waited}")]
    private static partial void LogWaitingForBus(ILogger logger, string context, string health, TimeSpan waited);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch for {Context} failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {RowId} ({MessageType}) could not be published (attempt {Attempt} of {MaxAttempts})")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, long rowId, string messageType, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {RowId} ({MessageType}) of {Context} parked after {Attempts} failed attempts")]
    private static partial void LogParked(ILogger logger, Exception exception, long rowId, string messageType, string context, int attempts);
}
