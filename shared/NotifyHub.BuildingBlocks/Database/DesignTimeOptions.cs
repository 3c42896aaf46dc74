using Microsoft.EntityFrameworkCore;

namespace NotifyHub.BuildingBlocks.Database;

/// <summary>
/// Options for the parameterless constructors that <c>dotnet ef migrations add</c> uses on provider subclasses
/// (see scripts/add-migration.sh). Never used at run time.
/// </summary>
public static class DesignTimeOptions
{
    public static DbContextOptions Sqlite() =>
        new DbContextOptionsBuilder().UseSqlite("Data Source=:memory:").Options;

    public static DbContextOptions PostgreSql() =>
        new DbContextOptionsBuilder().UseNpgsql("Host=localhost;Database=design_time").Options;
}
