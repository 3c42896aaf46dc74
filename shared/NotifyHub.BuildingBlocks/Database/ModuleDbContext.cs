using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;

namespace NotifyHub.BuildingBlocks.Database;

/// <summary>
/// Base of a module's database: its own schema on PostgreSQL (its own file on SQLite), plus the
/// outbox and inbox tables. Provider subclasses (<c>Sqlite…DbContext</c>, <c>PostgreSql…DbContext</c>) own the migrations.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options), IOutboxDbContext
{
    /// <summary>The module's schema name (its <see cref="Modules.IModule.Name"/>).</summary>
    protected abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(Database, Schema);
        modelBuilder.AddOutboxAndInbox();
    }
}
