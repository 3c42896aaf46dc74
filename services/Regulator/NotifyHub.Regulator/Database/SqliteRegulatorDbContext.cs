using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Regulator.Database;

public sealed class SqliteRegulatorDbContext : RegulatorDbContext
{
    public SqliteRegulatorDbContext() : base(DesignTimeOptions.Sqlite()) { }

    public SqliteRegulatorDbContext(DbContextOptions<SqliteRegulatorDbContext> options) : base(options) { }
}
