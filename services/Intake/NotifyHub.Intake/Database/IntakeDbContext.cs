using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Intake.Incidents;

namespace NotifyHub.Intake.Database;

public class IntakeDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string Schema => "intake";

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<ImportJob> Imports => Set<ImportJob>();

    public DbSet<ImportIssue> ImportIssues => Set<ImportIssue>();

    public DbSet<AffectedParty> AffectedParties => Set<AffectedParty>();

    public DbSet<ResidenceCount> ResidenceCounts => Set<ResidenceCount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntakeDbContext).Assembly);
    }
}
