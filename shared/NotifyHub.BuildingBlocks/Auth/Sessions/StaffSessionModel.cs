using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using System.Text;

namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>The sessions tables of the platform schema.</summary>
internal static class StaffSessionModel
{
    private const int HashSize = 32;

    public static ModelBuilder AddStaffSessions(this ModelBuilder modelBuilder, bool isSqlite)
    {
        modelBuilder.Entity<StaffSession>(session =>
        {
            session.ToTable("staff_sessions");
            session.HasKey(s => s.Id);
            session.HasIndex(s => s.KeyHash).IsUnique();
            session.HasIndex(s => s.RefreshTokenHash).IsUnique();
            session.HasIndex(s => s.UserId);
            session.HasIndex(s => s.VendorId);
            session.Property(s => s.KeyHash).HasMaxLength(HashSize);
            session.Property(s => s.RefreshTokenHash).HasMaxLength(HashSize).IsConcurrencyToken();
            session.Property(s => s.Roles).HasMaxLength(200);
            session.Property(s => s.Kind).HasMaxLength(16);
            session.Property(s => s.RevokedReason).HasMaxLength(64);
            session.Ignore(s => s.RoleList);
        });
        modelBuilder.Entity<RetiredRefreshToken>(token =>
        {
            token.ToTable("staff_session_retired_refresh_tokens");
            token.HasKey(t => t.Hash);
            token.Property(t => t.Hash).HasMaxLength(HashSize);
            token.HasIndex(t => t.SessionId);
            token.HasOne<StaffSession>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        foreach (var type in new[] { typeof(StaffSession), typeof(RetiredRefreshToken) })
        {
            foreach (var property in modelBuilder.Model.FindEntityType(type)!.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));

                // SQLite cannot compare DateTimeOffset text in SQL (clean-up by expiry needs to): UTC ticks there.
                if (isSqlite && (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?)))
                {
                    property.SetValueConverter(UtcTicks);
                }
            }
        }

        return modelBuilder;
    }

    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

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
