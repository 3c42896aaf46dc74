using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Regulator.Database;

public sealed class PostgreSqlRegulatorDbContext : RegulatorDbContext
{
    public PostgreSqlRegulatorDbContext() : base(DesignTimeOptions.PostgreSql()) { }

    public PostgreSqlRegulatorDbContext(DbContextOptions<PostgreSqlRegulatorDbContext> options) : base(options) { }
}
