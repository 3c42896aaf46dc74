using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.BuildingBlocks.Tests.Support;

/// <summary>A module database with one table of its own, so consumers have a state change to make.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ModuleDbContext(options)
{
    protected override string Schema => "testmodule";

    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Tally>().HasKey(t => t.Id);
    }
}

/// <summary>One row per handled <see cref="Numbered"/> message.</summary>
public sealed class Tally
{
    public long Id { get; set; }

    public int Number { get; set; }
}
