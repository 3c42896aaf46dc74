using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.BuildingBlocks.Platform;
using NotifyHub.BuildingBlocks.PrivacyStore;
using System.Reflection;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>
/// Every provider context NotifyHub ships (each module's, the privacy store's, the platform's), built with its
/// design-time constructor (no connection), and the checks the boundary tests run over them.
/// </summary>
public static class DatabaseModels
{
    public sealed record ProviderContext(Type Type, string Schema, string Provider, Type Model)
    {
        public override string ToString() => Type.Name;

        public DbContext Create() => (DbContext)Activator.CreateInstance(Type)!;
    }

    public static IReadOnlyList<ProviderContext> All { get; } = Discover();

    /// <summary>Entities mapped outside <paramref name="schema"/> (PostgreSQL), or to any explicit schema (SQLite, one file per module).</summary>
    public static IReadOnlyList<string> ForeignMappings(DbContext db, string schema)
    {
        var expected = db.Database.IsNpgsql() ? schema : null;
        return [.. db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetSchema() != expected)
            .Select(e => $"{e.ClrType.Name} -> {e.GetSchema()}.{e.GetTableName()}")];
    }

    /// <summary>Migration names without their timestamps, in order.</summary>
    public static IReadOnlyList<string> MigrationNames(DbContext db) =>
        [.. db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).Select(id => id[(id.IndexOf('_') + 1)..])];

    private static List<ProviderContext> Discover()
    {
        var owners = AllModules.Create().Select(m => (m.GetType().Assembly, Schema: m.Name))
            .Append((typeof(PrivacyStoreDbContext).Assembly, PrivacyStoreDbContext.SchemaName));
        var found = new List<ProviderContext>();
        foreach (var (assembly, moduleSchema) in owners)
        {
            foreach (var type in assembly.GetTypes().Where(IsProviderContext))
            {
                var provider = type.Name.StartsWith("Sqlite", StringComparison.Ordinal) ? "Sqlite" : "PostgreSql";
                var schema = typeof(PlatformDbContext).IsAssignableFrom(type) ? PlatformDbContext.SchemaName
                    : typeof(PrivacyStoreDbContext).IsAssignableFrom(type) ? PrivacyStoreDbContext.SchemaName
                    : moduleSchema;
                found.Add(new ProviderContext(type, schema, provider, type.BaseType!));
            }
        }

        return found;
    }

    private static bool IsProviderContext(Type type) =>
        typeof(DbContext).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null
        && (type.Name.StartsWith("Sqlite", StringComparison.Ordinal) || type.Name.StartsWith("PostgreSql", StringComparison.Ordinal));

    /// <summary>For the theories: one row per provider context.</summary>
    public static TheoryData<string> Names() => [.. All.Select(c => c.Type.FullName!)];

    public static ProviderContext Named(string fullName) => All.Single(c => c.Type.FullName == fullName);

    internal static Assembly OwnerOf(ProviderContext context) => context.Type.Assembly;
}
