using Microsoft.EntityFrameworkCore;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>A module database that carries the outbox and inbox tables (see <see cref="OutboxModel"/>).</summary>
public interface IOutboxDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<InboxMessage> InboxMessages { get; }
}
