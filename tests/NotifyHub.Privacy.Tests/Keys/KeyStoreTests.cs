using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Tests.Support;

namespace NotifyHub.Privacy.Tests.Keys;

public sealed class KeyStoreTests : IAsyncLifetime
{
    private static readonly Guid Incident = Guid.NewGuid();
    private static readonly Guid Record = Guid.NewGuid();
    private PrivacyTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PrivacyTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Data_key_rotation_writes_with_v2_and_v1_still_decrypts()
    {
        var cipher = _host.Get<FieldCipher>();
        var before = await cipher.EncryptAsync(Incident, KeyKind.IncidentData, Record, "given_name", Sensitive.Of("Zebedee"));

        var rotated = await _host.Get<KeyStore>().RotateDataKeyAsync(Incident);
        var after = await cipher.EncryptAsync(Incident, KeyKind.IncidentData, Record, "given_name", Sensitive.Of("Zebedee"));

        rotated.Version.ShouldBe(2);
        before.KeyId!.Value.Version.ShouldBe(1);
        after.KeyId!.Value.Version.ShouldBe(2);
        (await cipher.DecryptAsync(before, Record, "given_name")).Reveal().ShouldBe("Zebedee");
        (await cipher.DecryptAsync(after, Record, "given_name")).Reveal().ShouldBe("Zebedee");
    }

    [Fact]
    public async Task Index_keys_are_never_rotated()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => _host.Get<KeyStore>().RotateAsync(Incident, KeyKind.IncidentIndex));
    }

    [Fact]
    public async Task Root_rotation_rewraps_every_key_and_data_still_decrypts_but_the_old_root_no_longer_opens_the_store()
    {
        var encrypted = await _host.Get<FieldCipher>().EncryptAsync(Incident, KeyKind.IncidentData, Record, "given_name", Sensitive.Of("Zebedee"));
        await _host.Get<KeyStore>().RotateDataKeyAsync(Incident);
        var newRoot = new LocalKeyRing(new LocalKeyRingOptions { RootKey = PrivacyTestHost.RootKeyB });

        var rewrapped = await _host.Get<KeyStore>().RotateRootAsync(newRoot.GetRootKey());

        rewrapped.ShouldBe(2);
        var (withNewRoot, _) = _host.Stranger(newRoot);
        await withNewRoot.VerifyRootKeyAsync();
        (await new FieldCipher(withNewRoot).DecryptAsync(encrypted, Record, "given_name")).Reveal().ShouldBe("Zebedee");

        var (withOldRoot, _) = _host.Stranger();
        var error = await Should.ThrowAsync<RootKeyUnavailableException>(() => withOldRoot.VerifyRootKeyAsync());
        error.Message.ShouldStartWith("The root key does not match the key store (");
        await Should.ThrowAsync<RootKeyUnavailableException>(() => new FieldCipher(withOldRoot).DecryptAsync(encrypted, Record, "given_name").AsTask());
    }

    [Fact]
    public async Task A_root_key_with_the_right_id_but_other_material_is_detected_at_start()
    {
        await _host.Get<KeyStore>().GetCurrentAsync(Incident, KeyKind.IncidentData);
        var impostor = new LocalKeyRing(new LocalKeyRingOptions
        {
            RootKey = PrivacyTestHost.RootKeyB,
            RootKeyId = new LocalKeyRing(new LocalKeyRingOptions { RootKey = PrivacyTestHost.RootKeyA }).GetRootKey().Id,
        });

        var (keys, _) = _host.Stranger(impostor);
        var error = await Should.ThrowAsync<RootKeyUnavailableException>(() => keys.VerifyRootKeyAsync());

        error.Message.ShouldStartWith("The root key does not match the key store (");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task The_right_root_key_passes_the_start_check()
    {
        await _host.Get<KeyStore>().GetCurrentAsync(Incident, KeyKind.IncidentData);

        await _host.Get<KeyStore>().VerifyRootKeyAsync();
    }

    [Fact]
    public async Task A_destroyed_key_stops_working_at_once_in_the_same_process()
    {
        var cipher = _host.Get<FieldCipher>();
        var heldKey = await _host.Get<KeyStore>().GetCurrentAsync(Incident, KeyKind.IncidentData);
        var encrypted = await cipher.EncryptAsync(Incident, KeyKind.IncidentData, Record, "given_name", Sensitive.Of("Zebedee"));

        await using (var other = _host.NewScope())
        {
            await other.ServiceProvider.GetRequiredService<KeyStore>().DestroyAsync(Incident, KeyKind.IncidentData);
        }

        await Should.ThrowAsync<KeyDestroyedException>(() => cipher.DecryptAsync(encrypted, Record, "given_name").AsTask());
        Should.Throw<KeyDestroyedException>(() => FieldCipher.Decrypt(heldKey, encrypted, Record, "given_name"));
        Should.Throw<KeyDestroyedException>(() => FieldCipher.Encrypt(heldKey, Record, "given_name", "x"u8));
    }

    [Fact]
    public async Task A_destroyed_owner_never_gets_a_new_key()
    {
        var keys = _host.Get<KeyStore>();
        await keys.DestroyAsync(Incident, KeyKind.Vendor);

        await Should.ThrowAsync<KeyDestroyedException>(() => keys.GetCurrentAsync(Incident, KeyKind.Vendor).AsTask());
        await Should.ThrowAsync<KeyDestroyedException>(() => keys.RotateAsync(Incident, KeyKind.Vendor));
        (await keys.IsDestroyedAsync(Incident, KeyKind.Vendor)).ShouldBeTrue();
    }

    [Fact]
    public async Task Keys_are_stored_only_wrapped_with_the_root_key_id_beside_them()
    {
        await _host.Get<KeyStore>().GetCurrentAsync(Incident, KeyKind.IncidentData);

        await using var command = _host.Connection.CreateCommand();
        command.CommandText = "SELECT root_key_id, length(wrapped_material), version FROM stored_keys";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetString(0).ShouldStartWith("root-");
        reader.GetInt32(1).ShouldBe(12 + 16 + 32);
        reader.GetInt32(2).ShouldBe(1);
    }
}
