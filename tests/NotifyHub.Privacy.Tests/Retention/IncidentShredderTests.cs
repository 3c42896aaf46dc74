using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Retention;
using NotifyHub.Privacy.Tests.Support;

namespace NotifyHub.Privacy.Tests.Retention;

public sealed class IncidentShredderTests : IAsyncLifetime
{
    private static readonly PrivacyActor Officer = new(Guid.NewGuid(), [PrivacyRoles.PrivacyOfficer]);
    private PrivacyTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PrivacyTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_shredded_incident_can_no_longer_be_decrypted_or_searched()
    {
        var incident = Guid.NewGuid();
        var kept = Guid.NewGuid();
        var record = Guid.NewGuid();
        var cipher = _host.Get<FieldCipher>();
        var encrypted = await cipher.EncryptAsync(incident, KeyKind.IncidentData, record, "given_name", Sensitive.Of("Zebedee"));
        var keptField = await cipher.EncryptAsync(kept, KeyKind.IncidentData, record, "given_name", Sensitive.Of("Zebedee"));
        await _host.Get<BlindIndexer>().ComputeAsync(incident, BlindIndexKind.DateOfBirth, "1953-07-14");

        await _host.Get<IncidentShredder>().ShredAsync(incident, Officer);

        await Should.ThrowAsync<KeyDestroyedException>(() => cipher.DecryptAsync(encrypted, record, "given_name").AsTask());
        await Should.ThrowAsync<KeyDestroyedException>(
            () => _host.Get<BlindIndexer>().ComputeAsync(incident, BlindIndexKind.DateOfBirth, "1953-07-14").AsTask());
        var (stranger, _) = _host.Stranger();
        await Should.ThrowAsync<KeyDestroyedException>(() => new FieldCipher(stranger).DecryptAsync(encrypted, record, "given_name").AsTask());
        (await cipher.DecryptAsync(keptField, record, "given_name")).Reveal().ShouldBe("Zebedee");
        (await _host.Get<AuditLog>().VerifyAsync()).EntriesChecked.ShouldBe(1);
    }
}
