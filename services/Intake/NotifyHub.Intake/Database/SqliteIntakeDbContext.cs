using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Intake.Database;

public sealed class SqliteIntakeDbContext : IntakeDbContext
{
    public SqliteIntakeDbContext() : base(DesignTimeOptions.Sqlite()) { }

    public SqliteIntakeDbContext(DbContextOptions<SqliteIntakeDbContext> options) : base(options) { }
}
