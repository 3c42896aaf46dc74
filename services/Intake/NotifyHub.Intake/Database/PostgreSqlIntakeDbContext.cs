using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Intake.Database;

public sealed class PostgreSqlIntakeDbContext : IntakeDbContext
{
    public PostgreSqlIntakeDbContext() : base(DesignTimeOptions.PostgreSql()) { }

    public PostgreSqlIntakeDbContext(DbContextOptions<PostgreSqlIntakeDbContext> options) : base(options) { }
}
