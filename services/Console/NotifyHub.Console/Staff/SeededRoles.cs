using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Auth;

namespace NotifyHub.Console.Staff;

/// <summary>
/// The five roles live in the migrations (fixed ids and stamps), so they exist as soon as the database is migrated,
/// also for CLI verbs that never run the server's start-up services.
/// </summary>
internal sealed class SeededRoles : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> role) =>
        role.HasData(Roles.All.Select((name, i) => new IdentityRole<Guid>
        {
            Id = new Guid($"0b9f4c3e-6a57-4d0e-9c1a-00000000000{i + 1}"),
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"seed-{name.ToLowerInvariant()}",
        }));
}
