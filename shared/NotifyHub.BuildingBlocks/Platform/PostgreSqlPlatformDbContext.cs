using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.BuildingBlocks.Platform;

public sealed class PostgreSqlPlatformDbContext : PlatformDbContext
{
    public PostgreSqlPlatformDbContext() : base(DesignTimeOptions.PostgreSql()) { }

    public PostgreSqlPlatformDbContext(DbContextOptions<PostgreSqlPlatformDbContext> options) : base(options) { }
}
