using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.CallCentre.Database;

public sealed class PostgreSqlCallCentreDbContext : CallCentreDbContext
{
    public PostgreSqlCallCentreDbContext() : base(DesignTimeOptions.PostgreSql()) { }

    public PostgreSqlCallCentreDbContext(DbContextOptions<PostgreSqlCallCentreDbContext> options) : base(options) { }
}
