using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Regulator.Database;

public class RegulatorDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string Schema => "regulator";

    public DbSet<Incidents.RegulatorIncident> Incidents => Set<Incidents.RegulatorIncident>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegulatorDbContext).Assembly);
    }
}
