using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Portal.Database;

public sealed class SqlitePortalDbContext : PortalDbContext
{
    public SqlitePortalDbContext() : base(DesignTimeOptions.Sqlite()) { }

    public SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : base(options) { }
}
