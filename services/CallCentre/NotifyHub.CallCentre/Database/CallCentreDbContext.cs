using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Callbacks;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Notifications;
using NotifyHub.CallCentre.Retention;
using NotifyHub.CallCentre.Scripts;
using NotifyHub.CallCentre.Support;
using NotifyHub.CallCentre.Vendors;
using NotifyHub.CallCentre.Verification;

namespace NotifyHub.CallCentre.Database;

public class CallCentreDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string Schema => "callcentre";

    public DbSet<RegisteredVendor> Vendors => Set<RegisteredVendor>();

    public DbSet<CallCentreIncident> Incidents => Set<CallCentreIncident>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<CallerRecord> CallerRecords => Set<CallerRecord>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseNote> Notes => Set<CaseNote>();

    public DbSet<Callback> Callbacks => Set<Callback>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<VerificationAttempt> VerificationAttempts => Set<VerificationAttempt>();

    public DbSet<PersonNotification> PersonNotifications => Set<PersonNotification>();

    public DbSet<Script> Scripts => Set<Script>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CallCentreDbContext).Assembly);
        Timestamps.StoreAsUtcTicks(modelBuilder);
    }
}
