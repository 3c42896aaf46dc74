using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Intake.Incidents;

namespace NotifyHub.Intake.Database;

public class IntakeDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string Schema => "intake";

    public DbSet<Incident> Incidents => Set<Incident>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntakeDbContext).Assembly);
    }
}
