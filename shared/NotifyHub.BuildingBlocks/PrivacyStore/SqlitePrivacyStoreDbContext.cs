using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.BuildingBlocks.PrivacyStore;

public sealed class SqlitePrivacyStoreDbContext : PrivacyStoreDbContext
{
    public SqlitePrivacyStoreDbContext() : base(DesignTimeOptions.Sqlite()) { }

    public SqlitePrivacyStoreDbContext(DbContextOptions<SqlitePrivacyStoreDbContext> options) : base(options) { }
}
