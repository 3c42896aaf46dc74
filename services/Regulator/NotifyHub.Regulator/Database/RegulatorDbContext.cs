using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Regulator.Database;

public class RegulatorDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string Schema => "regulator";

    public DbSet<Incidents.RegulatorIncident> Incidents => Set<Incidents.RegulatorIncident>();

    public DbSet<Counts.AffectedCount> AffectedCounts => Set<Counts.AffectedCount>();

    public DbSet<Assessments.RiskAssessment> RiskAssessments => Set<Assessments.RiskAssessment>();

    public DbSet<Filings.Filing> Filings => Set<Filings.Filing>();

    public DbSet<Obligations.ObligationRow> Obligations => Set<Obligations.ObligationRow>();

    public DbSet<Letters.NoticeTemplate> NoticeTemplates => Set<Letters.NoticeTemplate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegulatorDbContext).Assembly);
    }
}
