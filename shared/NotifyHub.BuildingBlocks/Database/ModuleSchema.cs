using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NotifyHub.BuildingBlocks.Database;

public static class ModuleSchema
{
    /// <summary>PostgreSQL keeps each module in its own schema; SQLite has no schemas (one file per module instead).</summary>
    public static ModelBuilder UseModuleSchema(this ModelBuilder modelBuilder, DatabaseFacade database, string schema)
    {
        if (database.IsNpgsql())
        {
            modelBuilder.HasDefaultSchema(schema);
        }

        return modelBuilder;
    }
}
