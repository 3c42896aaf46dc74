using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Forgets the inbox's message ids once they are older than <see cref="InboxOptions.Retention"/>: without it the
/// inbox grows by one row per handled message for ever. Several instances may run it at once; the delete is idempotent.
/// </summary>
public sealed partial class InboxCleanup<TContext>(
    IServiceScopeFactory scopes,
    IOptions<InboxOptions> options,
    TimeProvider clock,
    ILogger<InboxCleanup<TContext>> logger) : BackgroundService
    where TContext : DbContext, IOutboxDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the injected clock: a test that freezes the clock must not freeze the host's loops.
        using var timer = new PeriodicTimer(options.Value.CleanupInterval);
        try
        {
            do
            {
                try
                {
                    await DeleteExpiredAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not ObjectDisposedException && !stoppingToken.IsCancellationRequested)
                {
                    LogCleanupFailed(logger, ex, typeof(TContext).Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException)
        {
            // The host is stopping (or failed to start and disposed its services): the next start cleans up.
        }
    }

    /// <summary>Deletes the ids handled before now minus the retention; returns how many went.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        int deleted;
        if (db.Database.IsNpgsql())
        {
            deleted = await db.InboxMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            // SQLite cannot compare DateTimeOffset in SQL through LINQ. EF stores it as ISO-8601 text and every
            // value here is UTC (+00:00), so comparing the text compares the instants.
            var names = StoreNames.Of<InboxMessage>(db);
#pragma warning disable EF1002 // the table and column names come from the model, not from input; the cutoff is a parameter
            deleted = await db.Database.ExecuteSqlRawAsync(
                $"DELETE FROM {names.Table} WHERE {names.Column(nameof(InboxMessage.ProcessedAt))} < {{0}}",
                [cutoff.ToUniversalTime()], cancellationToken);
#pragma warning restore EF1002
        }

        if (deleted > 0)
        {
            LogForgotten(logger, deleted, typeof(TContext).Name);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox of {Context}: forgot {Count} handled message id(s)")]
    private static partial void LogForgotten(ILogger logger, int count, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox cleanup for {Context} failed; trying again at the next interval")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, string context);
}
