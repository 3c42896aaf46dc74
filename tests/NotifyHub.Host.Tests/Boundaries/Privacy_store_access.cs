using NotifyHub.BuildingBlocks.Modules;
using NotifyHub.Host.Tests.Boundaries.Broken;
using System.Reflection;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>
/// Keys, assignments, blocks and the audit chain are read and written only by NotifyHub.Privacy and its store in
/// BuildingBlocks; modules, the contracts and the host's CLI go through the library's services (KeyService,
/// AuditLog, VendorRevocation, ...), which check roles, meter and audit.
/// </summary>
public sealed class Privacy_store_access
{
    public static TheoryData<string> Assemblies() =>
    [
        .. AllModules.Create().Select(m => m.GetType().Assembly.GetName().Name!),
        typeof(Program).Assembly.GetName().Name!,
        typeof(NotifyHub.Contracts.DataCategories).Assembly.GetName().Name!,
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Only_the_privacy_library_touches_the_privacy_store(string assemblyName)
    {
        StoreReferences.In(Assembly.Load(assemblyName)).ShouldBeEmpty();
    }

    [Fact]
    public void A_module_that_opens_the_privacy_store_is_caught()
    {
        StoreReferences.In(typeof(StoreToucher).Assembly).ShouldContain("NotifyHub.BuildingBlocks.PrivacyStore.PrivacyStoreDbContext");
    }

    [Fact]
    public void The_store_types_are_found_where_they_are_meant_to_be()
    {
        StoreReferences.In(typeof(IModule).Assembly).ShouldContain("NotifyHub.Privacy.PrivacyDbContext");
    }
}
