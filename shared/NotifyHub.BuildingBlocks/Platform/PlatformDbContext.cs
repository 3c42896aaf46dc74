using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Auth.Sessions;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.BuildingBlocks.Platform;

/// <summary>
/// Infrastructure shared by every instance whatever modules it runs: the Data Protection key ring that
/// protects bearer tokens and cookies (encrypted under the root key), and the staff sessions every token names.
/// </summary>
public class PlatformDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string SchemaName = "platform";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();

    public DbSet<RetiredRefreshToken> RetiredRefreshTokens => Set<RetiredRefreshToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(Database, SchemaName);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.AddStaffSessions(Database.IsSqlite());
    }
}
