using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Privacy.Audit;
using System.Diagnostics;
using System.Text.Json;

namespace NotifyHub.BuildingBlocks.Audit;

/// <summary>
/// How a module audits a privileged action in the action's own transaction, although the audit chain lives in the
/// privacy store (another DbContext; on SQLite another file): the entry is written as a row of the module's outbox,
/// in the same <c>SaveChanges</c>/transaction as the change, and the module's outbox dispatcher later appends it to
/// the chain exactly once (<see cref="AuditOutboxAppender"/>). The action and its record commit or roll back together.
/// </summary>
public static class AuditOutbox
{
    /// <summary>The outbox rows that are audit entries, not bus messages. Not a type name: the bus never sees them.</summary>
    public const string MessageType = "notifyhub:audit-entry";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Queues <paramref name="auditEvent"/> for the chain; it commits with the surrounding <c>SaveChanges</c>.</summary>
    public static Guid Audit(this IOutboxDbContext db, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = NewId.NextGuid();
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = id,
            MessageType = MessageType,
            // Attributed now, in the operator's context (a CLI verb); the dispatcher appends it in another.
            Body = JsonSerializer.Serialize(AuditOperator.Attribute(auditEvent), Json),
            TraceParent = Activity.Current?.Id,
            CreatedAt = db is DbContext context ? context.Clock().GetUtcNow() : TimeProvider.System.GetUtcNow(),
        });
        return id;
    }

    public static bool IsAudit(OutboxMessage row) => row.MessageType == MessageType;
}
