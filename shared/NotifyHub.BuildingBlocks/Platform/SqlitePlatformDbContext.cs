using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.BuildingBlocks.Platform;

public sealed class SqlitePlatformDbContext : PlatformDbContext
{
    public SqlitePlatformDbContext() : base(DesignTimeOptions.Sqlite()) { }

    public SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options) : base(options) { }
}
