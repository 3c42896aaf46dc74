using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.PrivacyStore;
using NotifyHub.Privacy.Audit;
using System.Text.Json;

namespace NotifyHub.BuildingBlocks.Audit;

/// <summary>
/// Appends audit rows taken from a module's outbox to the chain, each exactly once: the entry and an inbox row keyed
/// by the outbox message id commit together in the privacy store, so a row handed over twice (a crash before the
/// module deleted it, two instances claiming it) is skipped the second time. A dispatch batch is appended in one
/// transaction: one commit (one disk flush) for the batch instead of one per entry, which is what lets the chain keep
/// up with hundreds of agents each auditing every step.
/// </summary>
public sealed class AuditOutboxAppender(PrivacyStoreDbContext db, AuditLog log)
{
    public const string Consumer = "notifyhub:audit-outbox";

    public async Task AppendAsync(IEnumerable<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var audit = rows.Where(AuditOutbox.IsAudit).ToList();
        if (audit.Count == 0)
        {
            return;
        }

        try
        {
            await AppendBatchAsync(audit, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance appended some of them meanwhile: its entries stand, ours rolled back; go one by one.
            db.ChangeTracker.Clear();
            foreach (var row in audit)
            {
                await AppendOneAsync(row, cancellationToken);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task AppendBatchAsync(List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var events = rows.Select(row => (row, auditEvent: Parse(row))).ToList();
        var ids = rows.Select(row => row.MessageId).ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The inbox rows go first (InboxClaim: on PostgreSQL one insert that returns the ids not seen before; on
            // SQLite added to the change tracker, so that the log's own save writes them), before the log takes the
            // chain's head row that every other appender waits on.
            var fresh = await InboxClaim.FreshAsync(db, Consumer, ids, db.Clock().GetUtcNow(), cancellationToken);
            var unseen = events.Where(e => fresh.Contains(e.row.MessageId)).ToList();
            if (unseen.Count == 0)
            {
                return;
            }

            await log.AppendBatchAsync([.. unseen.Select(e => e.auditEvent)], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private static AuditEvent Parse(OutboxMessage row) => JsonSerializer.Deserialize<AuditEvent>(row.Body, AuditOutbox.Json)
        ?? throw new InvalidOperationException($"Audit outbox row {row.MessageId} is empty.");

    private async Task AppendOneAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var auditEvent = Parse(row);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (await SeenAsync(row.MessageId, cancellationToken))
                {
                    return;
                }

                await log.AppendAsync(auditEvent, cancellationToken);
                db.InboxMessages.Add(new InboxMessage { MessageId = row.MessageId, Consumer = Consumer, ProcessedAt = db.Clock().GetUtcNow() });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException)
        {
            // Another instance appended it between our check and our insert: its entry stands, ours rolled back.
            db.ChangeTracker.Clear();
            if (!await SeenAsync(row.MessageId, cancellationToken))
            {
                throw;
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private Task<bool> SeenAsync(Guid messageId, CancellationToken cancellationToken) =>
        db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == Consumer, cancellationToken);
}
