using NotifyHub.BuildingBlocks.PrivacyStore;
using NotifyHub.Privacy;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>Reads an assembly's metadata for references to the privacy store's contexts (a generic argument counts).</summary>
public static class StoreReferences
{
    public static readonly IReadOnlySet<string> StoreTypes = new HashSet<string>(
        new[] { typeof(PrivacyDbContext), typeof(PrivacyStoreDbContext), typeof(SqlitePrivacyStoreDbContext), typeof(PostgreSqlPrivacyStoreDbContext) }
            .Select(t => t.FullName!));

    public static IReadOnlyList<string> In(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}");
        return [.. referenced.Where(StoreTypes.Contains).Distinct().Order(StringComparer.Ordinal)];
    }
}
