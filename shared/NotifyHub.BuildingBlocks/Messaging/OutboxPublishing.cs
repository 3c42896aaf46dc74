using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using System.Diagnostics;
using System.Text.Json;

namespace NotifyHub.BuildingBlocks.Messaging;

public static class OutboxPublishing
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues <paramref name="message"/> for publication when the surrounding <c>SaveChanges</c> commits.
    /// Never publish to the bus directly from a state change: a crash between the two would lose or invent events.
    /// </summary>
    public static Guid Publish<TMessage>(this IOutboxDbContext db, TMessage message)
        where TMessage : class
    {
        var id = NewId.NextGuid();
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = id,
            MessageType = MessageTypeName(typeof(TMessage)),
            Body = JsonSerializer.Serialize(message, Json),
            TraceParent = Activity.Current?.Id,
            CreatedAt = db is DbContext context ? context.Clock().GetUtcNow() : TimeProvider.System.GetUtcNow(),
        });
        return id;
    }

    internal static string MessageTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
