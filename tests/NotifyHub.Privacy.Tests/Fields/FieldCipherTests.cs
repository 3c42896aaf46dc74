using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Tests.Support;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Privacy.Tests.Fields;

public sealed class FieldCipherTests : IAsyncLifetime
{
    private static readonly Guid Incident = Guid.NewGuid();
    private static readonly Guid RecordA = Guid.NewGuid();
    private static readonly Guid RecordB = Guid.NewGuid();
    private PrivacyTestHost _host = null!;

    private FieldCipher Cipher => _host.Get<FieldCipher>();

    public async Task InitializeAsync() => _host = await PrivacyTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Round_trip_returns_the_original_value()
    {
        var encrypted = await Encrypt(RecordA, "given_name", "Zoë 山田");

        var decrypted = await Cipher.DecryptAsync(encrypted, RecordA, "given_name");

        decrypted.Reveal().ShouldBe("Zoë 山田");
    }

    [Fact]
    public async Task Each_encryption_uses_a_fresh_nonce_and_never_shows_the_value()
    {
        var first = await Encrypt(RecordA, "given_name", "Zebedee");
        var second = await Encrypt(RecordA, "given_name", "Zebedee");

        first.ShouldNotBe(second);
        Encoding.UTF8.GetString(first.Bytes.Span).ShouldNotContain("Zebedee");
        first.Length.ShouldBe(50 + "Zebedee".Length);
    }

    [Fact]
    public async Task Swapped_ciphertext_between_rows_fails()
    {
        var encrypted = await Encrypt(RecordA, "given_name", "Zebedee");

        var error = await Should.ThrowAsync<FieldDecryptionException>(() => Cipher.DecryptAsync(encrypted, RecordB, "given_name").AsTask());

        error.RecordId.ShouldBe(RecordB);
        error.FieldName.ShouldBe("given_name");
    }

    [Fact]
    public async Task Swapped_ciphertext_between_fields_fails()
    {
        var encrypted = await Encrypt(RecordA, "given_name", "Zebedee");

        var error = await Should.ThrowAsync<FieldDecryptionException>(() => Cipher.DecryptAsync(encrypted, RecordA, "family_name").AsTask());

        error.FieldName.ShouldBe("family_name");
    }

    [Fact]
    public async Task Corrupted_byte_anywhere_fails_naming_record_and_field_but_not_the_value()
    {
        var bytes = (await Encrypt(RecordA, "email", "zebedee@canary.example")).ToArray();
        // So that a flipped kind byte can name a key that exists (the incident's index key).
        await _host.Get<KeyStore>().GetCurrentAsync(Incident, KeyKind.IncidentIndex);

        foreach (var (position, mask) in Enumerable.Range(0, bytes.Length).SelectMany(p => new[] { (p, (byte)0x01), (p, (byte)0x03) }))
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[position] ^= mask;

            var error = await Should.ThrowAsync<FieldDecryptionException>(
                () => Cipher.DecryptAsync(EncryptedField.FromBytes(corrupt), RecordA, "email").AsTask(),
                $"flipping a bit at byte {position}");

            error.Message.ShouldContain(RecordA.ToString());
            error.Message.ShouldContain("'email'");
            error.Message.ShouldNotContain("zebedee");
        }
    }

    [Fact]
    public async Task Truncated_ciphertext_fails()
    {
        var bytes = (await Encrypt(RecordA, "given_name", "Zebedee")).ToArray();

        await Should.ThrowAsync<FieldDecryptionException>(
            () => Cipher.DecryptAsync(EncryptedField.FromBytes(bytes.AsSpan(0, 40)), RecordA, "given_name").AsTask());
    }

    [Fact]
    public async Task Record_round_trip_keeps_every_field()
    {
        var fields = new Dictionary<string, Sensitive<string>>
        {
            ["given_name"] = Sensitive.Of("Zebedee"),
            ["language"] = Sensitive.Of("ja"),
            ["empty"] = Sensitive.Of(""),
            ["long"] = Sensitive.Of(new string('x', 300)),
        };

        var record = await Cipher.EncryptRecordAsync(Incident, KeyKind.IncidentData, RecordA, "profile", fields);
        var decrypted = await Cipher.DecryptRecordAsync(record, RecordA, "profile");

        decrypted.ToDictionary(p => p.Key, p => p.Value.Reveal())
            .ShouldBe(fields.ToDictionary(p => p.Key, p => p.Value.Reveal()), ignoreOrder: true);
    }

    [Fact]
    public async Task A_field_ciphertext_cannot_be_opened_as_a_record_of_the_same_name()
    {
        var encrypted = await Encrypt(RecordA, "profile", "Zebedee");

        await Should.ThrowAsync<FieldDecryptionException>(() => Cipher.DecryptRecordAsync(encrypted, RecordA, "profile").AsTask());
    }

    [Fact]
    public async Task Static_path_with_a_resolved_key_matches_the_async_path()
    {
        var key = await _host.Get<KeyStore>().GetCurrentAsync(Incident, KeyKind.IncidentData);
        var encrypted = FieldCipher.Encrypt(key, RecordA, "given_name", "Zebedee"u8);

        (await Cipher.DecryptAsync(encrypted, RecordA, "given_name")).Reveal().ShouldBe("Zebedee");
        FieldCipher.Decrypt(key, encrypted, RecordA, "given_name").ShouldBe("Zebedee"u8.ToArray());
    }

    [Fact]
    public async Task Index_keys_never_encrypt()
    {
        var indexKey = await _host.Get<KeyStore>().GetCurrentAsync(Incident, KeyKind.IncidentIndex);

        Should.Throw<ArgumentException>(() => FieldCipher.Encrypt(indexKey, RecordA, "given_name", "x"u8));
    }

    [Fact]
    public async Task Encrypted_field_prints_as_encrypted_and_travels_as_base64()
    {
        var encrypted = await Encrypt(RecordA, "given_name", "Zebedee");

        encrypted.ToString().ShouldBe("[encrypted]");
        $"{encrypted}".ShouldBe("[encrypted]");
        var json = JsonSerializer.Serialize(encrypted);
        json.ShouldBe($"\"{Convert.ToBase64String(encrypted.Bytes.Span)}\"");
        JsonSerializer.Deserialize<EncryptedField>(json).ShouldBe(encrypted);
        encrypted.KeyId.ShouldBe(new KeyId(Incident, KeyKind.IncidentData, 1));
    }

    [Fact]
    public async Task Ef_converter_maps_to_the_raw_bytes_and_back()
    {
        var encrypted = await Encrypt(RecordA, "given_name", "Zebedee");
        var converter = new EncryptedFieldConverter();

        var column = (byte[])converter.ConvertToProvider(encrypted)!;

        column.ShouldBe(encrypted.ToArray());
        converter.ConvertFromProvider(column).ShouldBe(encrypted);
    }

    private ValueTask<EncryptedField> Encrypt(Guid record, string field, string value) =>
        Cipher.EncryptAsync(Incident, KeyKind.IncidentData, record, field, Sensitive.Of(value));
}
