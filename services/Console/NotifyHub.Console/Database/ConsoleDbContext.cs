using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Console.Auth;
using NotifyHub.Console.Staff;
using NotifyHub.Console.Vendors;

namespace NotifyHub.Console.Database;

/// <summary>Staff identity (ASP.NET Core Identity), vendors, and the console's outbox and inbox.</summary>
public class ConsoleDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IOutboxDbContext
{
    public const string Schema = "console";

    public DbSet<Vendor> Vendors => Set<Vendor>();

    public DbSet<SignInFailureCount> SignInFailures => Set<SignInFailureCount>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseModuleSchema(Database, Schema);
        builder.AddOutboxAndInbox();
        builder.ApplyConfigurationsFromAssembly(typeof(ConsoleDbContext).Assembly);
    }
}
