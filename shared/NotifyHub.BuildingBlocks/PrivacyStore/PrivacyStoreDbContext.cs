using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Privacy;

namespace NotifyHub.BuildingBlocks.PrivacyStore;

/// <summary>
/// The privacy library's store (keys, vendor assignments, access blocks, audit chain) with an outbox, so the
/// events it raises (BulkAccessSuspected) leave through the same guarantees as every module's.
/// Shared by every instance whatever modules it runs: schema <c>privacy</c>, or <c>privacy.db</c> on SQLite.
/// </summary>
public class PrivacyStoreDbContext(DbContextOptions options) : PrivacyDbContext(options), IOutboxDbContext
{
    public const string SchemaName = "privacy";

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }
}
