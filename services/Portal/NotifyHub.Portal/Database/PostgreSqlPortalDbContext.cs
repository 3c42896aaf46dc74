using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Portal.Database;

public sealed class PostgreSqlPortalDbContext : PortalDbContext
{
    public PostgreSqlPortalDbContext() : base(DesignTimeOptions.PostgreSql()) { }

    public PostgreSqlPortalDbContext(DbContextOptions<PostgreSqlPortalDbContext> options) : base(options) { }
}
