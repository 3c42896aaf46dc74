using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Portal.Callbacks;
using NotifyHub.Portal.Incidents;
using NotifyHub.Portal.Notifications;
using NotifyHub.Portal.People;
using NotifyHub.Portal.Sessions;
using NotifyHub.Portal.Statements;
using NotifyHub.Portal.Support;
using NotifyHub.Portal.Throttling;

namespace NotifyHub.Portal.Database;

public class PortalDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string Schema => "portal";

    public DbSet<PortalIncident> Incidents => Set<PortalIncident>();

    public DbSet<PortalPerson> People => Set<PortalPerson>();

    public DbSet<PortalNotification> Notifications => Set<PortalNotification>();

    public DbSet<KnownCallbackCode> CallbackCodes => Set<KnownCallbackCode>();

    public DbSet<PortalFailure> Failures => Set<PortalFailure>();

    public DbSet<PortalAlarm> Alarms => Set<PortalAlarm>();

    public DbSet<PortalSession> Sessions => Set<PortalSession>();

    public DbSet<IncidentStatement> Statements => Set<IncidentStatement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        Timestamps.StoreAsUtcTicks(modelBuilder);
    }
}
