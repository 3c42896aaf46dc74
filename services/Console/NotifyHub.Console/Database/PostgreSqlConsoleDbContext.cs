using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Console.Database;

public sealed class PostgreSqlConsoleDbContext : ConsoleDbContext
{
    public PostgreSqlConsoleDbContext() : base(DesignTimeOptions.PostgreSql()) { }

    public PostgreSqlConsoleDbContext(DbContextOptions<PostgreSqlConsoleDbContext> options) : base(options) { }
}
