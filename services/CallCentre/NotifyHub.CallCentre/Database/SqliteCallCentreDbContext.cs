using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.CallCentre.Database;

public sealed class SqliteCallCentreDbContext : CallCentreDbContext
{
    public SqliteCallCentreDbContext() : base(DesignTimeOptions.Sqlite()) { }

    public SqliteCallCentreDbContext(DbContextOptions<SqliteCallCentreDbContext> options) : base(options) { }
}
