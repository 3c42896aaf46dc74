using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.BuildingBlocks.PrivacyStore;

public sealed class PostgreSqlPrivacyStoreDbContext : PrivacyStoreDbContext
{
    public PostgreSqlPrivacyStoreDbContext() : base(DesignTimeOptions.PostgreSql()) { }

    public PostgreSqlPrivacyStoreDbContext(DbContextOptions<PostgreSqlPrivacyStoreDbContext> options) : base(options) { }
}
