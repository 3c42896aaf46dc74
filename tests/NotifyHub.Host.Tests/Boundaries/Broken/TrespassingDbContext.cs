using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Host.Tests.Boundaries.Broken;

/// <summary>
/// A deliberately broken module database for the boundary tests to catch: an entity mapped into intake's schema,
/// a model with no migration for it, and migrations that differ between the providers.
/// </summary>
public abstract class TrespassingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string Schema => "trespassing";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Thing>().ToTable("things", "intake");
    }
}

public sealed class Thing
{
    public int Id { get; set; }
}

public sealed class SqliteTrespassingDbContext() : TrespassingDbContext(DesignTimeOptions.Sqlite());

public sealed class PostgreSqlTrespassingDbContext() : TrespassingDbContext(DesignTimeOptions.PostgreSql());

[DbContext(typeof(SqliteTrespassingDbContext))]
[Migration("20260101000000_Initial")]
public sealed class SqliteTrespassingInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }
}

[DbContext(typeof(PostgreSqlTrespassingDbContext))]
[Migration("20260101000000_Initial")]
public sealed class PostgreSqlTrespassingInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }
}

[DbContext(typeof(PostgreSqlTrespassingDbContext))]
[Migration("20260102000000_OnlyOnPostgreSql")]
public sealed class PostgreSqlTrespassingOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }
}
