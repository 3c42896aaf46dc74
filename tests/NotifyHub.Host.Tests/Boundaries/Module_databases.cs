using Microsoft.EntityFrameworkCore;
using NotifyHub.Host.Tests.Boundaries.Broken;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>Each module keeps to its own schema, and its model and migrations agree, on both providers.</summary>
public sealed class Module_databases
{
    public static TheoryData<string> Contexts() => DatabaseModels.Names();

    [Fact]
    public void Every_module_has_a_context_for_each_provider()
    {
        DatabaseModels.All.GroupBy(c => c.Model).ShouldAllBe(g => g.Select(c => c.Provider).Order().SequenceEqual(new[] { "PostgreSql", "Sqlite" }));
        DatabaseModels.All.Select(c => c.Schema).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8);
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_entity_maps_to_its_own_schema(string context)
    {
        var provider = DatabaseModels.Named(context);
        using var db = provider.Create();

        DatabaseModels.ForeignMappings(db, provider.Schema).ShouldBeEmpty();
    }

    [Fact]
    public void An_entity_mapped_into_another_schema_is_caught()
    {
        using var db = new PostgreSqlTrespassingDbContext();

        DatabaseModels.ForeignMappings(db, "trespassing").ShouldBe(["Thing -> intake.things"]);
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_model_has_no_change_without_a_migration(string context)
    {
        using var db = DatabaseModels.Named(context).Create();

        db.Database.HasPendingModelChanges().ShouldBeFalse($"run scripts/add-migration.sh for {context}'s database");
    }

    [Fact]
    public void A_model_change_without_a_migration_is_caught()
    {
        using var db = new SqliteTrespassingDbContext();

        db.Database.HasPendingModelChanges().ShouldBeTrue();
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        foreach (var pair in DatabaseModels.All.GroupBy(c => c.Model))
        {
            var names = pair.Select(c =>
            {
                using var db = c.Create();
                return DatabaseModels.MigrationNames(db);
            }).ToList();

            names[0].ShouldBe(names[1], $"{pair.Key.Name}: the SQLite and PostgreSQL migrations differ");
            names[0].ShouldNotBeEmpty();
        }
    }

    [Fact]
    public void Providers_with_different_migrations_are_caught()
    {
        using var sqlite = new SqliteTrespassingDbContext();
        using var postgres = new PostgreSqlTrespassingDbContext();

        DatabaseModels.MigrationNames(sqlite).ShouldNotBe(DatabaseModels.MigrationNames(postgres));
    }
}
