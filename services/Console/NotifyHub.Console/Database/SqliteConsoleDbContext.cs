using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Console.Database;

public sealed class SqliteConsoleDbContext : ConsoleDbContext
{
    public SqliteConsoleDbContext() : base(DesignTimeOptions.Sqlite()) { }

    public SqliteConsoleDbContext(DbContextOptions<SqliteConsoleDbContext> options) : base(options) { }
}
