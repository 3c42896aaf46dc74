using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Privacy.Retention;
using NotifyHub.Privacy.Tests.Support;

namespace NotifyHub.Privacy.Tests;

public sealed class PrivacyServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Every_service_resolves_from_one_scope()
    {
        await using var host = await PrivacyTestHost.StartAsync();

        host.Get<IRootKeyProvider>().ShouldBeOfType<LocalKeyRing>();
        host.Get<KeyStore>().ShouldNotBeNull();
        host.Get<FieldCipher>().ShouldNotBeNull();
        host.Get<BlindIndexer>().ShouldNotBeNull();
        host.Get<ProjectionBuilder>().ShouldNotBeNull();
        host.Get<KeyService>().ShouldNotBeNull();
        host.Get<AuditLog>().ShouldNotBeNull();
        host.Get<VendorAssignments>().ShouldNotBeNull();
        host.Get<VendorRevocation>().ShouldNotBeNull();
        host.Get<IncidentShredder>().ShouldNotBeNull();
        host.Get<KeyServiceOptions>().MaxRecordsPerWindow.ShouldBe(3);
    }

    [Fact]
    public void A_root_key_provider_registered_first_is_kept()
    {
        var kms = new LocalKeyRing(new LocalKeyRingOptions { RootKey = PrivacyTestHost.RootKeyB });
        using var services = new ServiceCollection()
            .AddSingleton<IRootKeyProvider>(kms)
            .AddNotifyHubPrivacy()
            .BuildServiceProvider();

        services.GetRequiredService<IRootKeyProvider>().ShouldBeSameAs(kms);
    }
}
