using Microsoft.EntityFrameworkCore;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Keys;
using System.Text;

namespace NotifyHub.Privacy;

/// <summary>
/// Keys, vendor assignments, access blocks and the audit chain. Provider-agnostic: the host
/// registers it with SQLite or PostgreSQL. The generic options type (not the plain
/// <see cref="DbContextOptions"/>) matters in a host with several contexts, where the plain
/// one resolves to whichever context registered last.
/// </summary>
public class PrivacyDbContext : DbContext
{
    public PrivacyDbContext(DbContextOptions<PrivacyDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the host's provider subclasses, which own each provider's migrations.</summary>
    protected PrivacyDbContext(DbContextOptions options)
        : base(options)
    {
    }

    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<VendorAssignment> VendorAssignments => Set<VendorAssignment>();

    public DbSet<AccessBlock> AccessBlocks => Set<AccessBlock>();

    internal bool IsSqlite => Database.ProviderName == Sqlite;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Database.ProviderName == Npgsql)
        {
            modelBuilder.HasDefaultSchema("privacy");
        }

        modelBuilder.ApplyConfiguration(new StoredKeyConfiguration());
        modelBuilder.ApplyConfiguration(new VendorAssignmentConfiguration());
        modelBuilder.ApplyConfiguration(new AccessBlockConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new AuditHeadConfiguration());

        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            property.SetColumnName(SnakeCase(property.Name));

            // SQLite cannot compare or order DateTimeOffset values in SQL (the meter and the
            // auditors' time range need both), so there they are stored as UTC ticks.
            if (IsSqlite && (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?)))
            {
                property.SetValueConverter(new UtcTicksConverter());
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
