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
/// module deleted it, two instances claiming it) is skipped the second time.
/// </summary>
public sealed class AuditOutboxAppender(PrivacyStoreDbContext db, AuditLog log)
{
    public const string Consumer = "notifyhub:audit-outbox";

    public async Task AppendAsync(IEnumerable<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows.Where(AuditOutbox.IsAudit))
        {
            await AppendOneAsync(row, cancellationToken);
        }
    }

    private async Task AppendOneAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var auditEvent = JsonSerializer.Deserialize<AuditEvent>(row.Body, AuditOutbox.Json)
            ?? throw new InvalidOperationException($"Audit outbox row {row.MessageId} is empty.");
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
