using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Testing;

namespace NotifyHub.Host.Tests.Cli;

/// <summary><c>notifyhub keys rotate-root</c> and <c>notifyhub audit verify</c>, run as the operator runs them.</summary>
public sealed class Privacy_commands : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
    private readonly Guid _incident = Guid.NewGuid();
    private readonly Guid _record = Guid.NewGuid();

    private string KeyFile => Path.Combine(_data, "keys", "root.key");

    [Fact]
    public async Task Rotating_the_key_file_rewraps_every_key_and_the_old_key_opens_nothing()
    {
        var ciphertext = await WithHostAsync(null, sp => sp.GetRequiredService<FieldCipher>()
            .EncryptAsync(_incident, KeyKind.IncidentData, _record, "family_name", new Sensitive<string>("Takahashi")).AsTask());
        // What signs staff tokens and cookies: the Data Protection key ring, stored encrypted under the root key.
        var token = await WithHostAsync(null, sp => Task.FromResult(Protector(sp).Protect("a session issued before the rotation")));
        var oldKey = await File.ReadAllBytesAsync(KeyFile);

        var rotated = await NotifyHubCli.RunAsync(_data, null, "keys", "rotate-root");

        rotated.ExitCode.ShouldBe(0, rotated.Error);
        rotated.Output.ShouldMatch(@"Root key rotated: root-[0-9a-f]{16} -> root-[0-9a-f]{16}; [1-9]\d* stored keys re-wrapped\.");
        var newKey = await File.ReadAllBytesAsync(KeyFile);
        newKey.ShouldNotBe(oldKey);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(KeyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Exists(KeyFile + ".next").ShouldBeFalse();
        (await WithHostAsync(null, sp => Decrypt(sp, ciphertext))).ShouldBe("Takahashi");
        (await WithHostAsync(null, sp => Task.FromResult(Protector(sp).Unprotect(token))))
            .ShouldBe("a session issued before the rotation", "the key ring was re-encrypted under the new root key");

        var withOldKey = await NotifyHubCli.RunAsync(_data, null,
            new Dictionary<string, string> { ["NotifyHub__Keys__RootKey"] = Convert.ToBase64String(oldKey) }, "audit", "verify");
        withOldKey.ExitCode.ShouldBe(1);
        withOldKey.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("notifyhub: ");
        withOldKey.Error.ShouldContain("root key", Case.Insensitive);
    }

    [Fact]
    public async Task Rotating_a_configured_key_hands_over_the_new_key_once()
    {
        var configured = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var ciphertext = await WithHostAsync(configured, sp => sp.GetRequiredService<FieldCipher>()
            .EncryptAsync(_incident, KeyKind.IncidentData, _record, "family_name", new Sensitive<string>("Lefèvre")).AsTask());

        var rotated = await NotifyHubCli.RunAsync(_data, null,
            new Dictionary<string, string> { ["NotifyHub__Keys__RootKey"] = configured }, "keys", "rotate-root");

        rotated.ExitCode.ShouldBe(0, rotated.Error);
        var newKey = rotated.Output.Trim().Split('\n').Last().Trim();
        Convert.FromBase64String(newKey).Length.ShouldBe(32);
        File.Exists(KeyFile).ShouldBeFalse();
        (await WithHostAsync(newKey, sp => Decrypt(sp, ciphertext))).ShouldBe("Lefèvre");
    }

    [Theory]
    [InlineData("wrong", "The root key does not match the key store")]
    [InlineData("short", "NotifyHub:Keys:RootKey is 16 bytes, expected 32")]
    [InlineData("garbage", "NotifyHub:Keys:RootKey is not valid base64")]
    public async Task The_server_refuses_to_start_with_a_wrong_or_malformed_root_key_in_one_line(string kind, string message)
    {
        await WithHostAsync(null, sp => sp.GetRequiredService<FieldCipher>()
            .EncryptAsync(_incident, KeyKind.IncidentData, _record, "family_name", new Sensitive<string>("Nakamura")).AsTask());
        var key = kind switch
        {
            "wrong" => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            "short" => Convert.ToBase64String(new byte[16]),
            _ => "not a key!",
        };

        var server = await NotifyHubCli.RunAsync(_data, null, new Dictionary<string, string>
        {
            ["NotifyHub__Keys__RootKey"] = key,
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        });

        server.ExitCode.ShouldBe(1);
        var line = server.Error.Trim().Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith($"notifyhub: cannot start: {message}");
        server.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Verify_passes_an_intact_chain_and_names_the_first_edited_or_deleted_entry()
    {
        await WithHostAsync(null, async sp =>
        {
            var log = sp.GetRequiredService<AuditLog>();
            for (var i = 0; i < 6; i++)
            {
                await log.AppendAsync(new AuditEvent("test.cli", AuditOutcomes.Done) { SubjectId = Guid.NewGuid() });
            }

            return 0;
        });

        // The host's own start (the bootstrap admin) is audited too, so the six entries are not the only ones.
        var entries = LastSequence();
        entries.ShouldBeGreaterThanOrEqualTo(6);
        var intact = await NotifyHubCli.RunAsync(_data, null, "audit", "verify");
        intact.ExitCode.ShouldBe(0, intact.Error);
        intact.Output.ShouldContain($"The audit chain is intact: {entries} entries");

        Execute("UPDATE audit_entries SET outcome = 'denied' WHERE sequence = 4");
        var edited = await NotifyHubCli.RunAsync(_data, null, "audit", "verify");
        edited.ExitCode.ShouldBe(1);
        edited.Error.Trim().ShouldBe("notifyhub: audit chain broken: Audit entry 4 does not match its seal: it was edited (or resealed without the audit key).");

        Execute("DELETE FROM audit_entries WHERE sequence = 2");
        var deleted = await NotifyHubCli.RunAsync(_data, null, "audit", "verify");
        deleted.ExitCode.ShouldBe(1);
        deleted.Error.Trim().ShouldStartWith("notifyhub: audit chain broken: Audit entry 2 is missing");
    }

    [Fact]
    public async Task On_PostgreSql_verify_names_the_edited_entry_and_rotation_rewraps_the_keys()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var postgres = new Dictionary<string, string>
        {
            ["NotifyHub__Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__NotifyHub"] = database.ConnectionString,
        };
        var ciphertext = await WithHostAsync(null, async sp =>
        {
            var log = sp.GetRequiredService<AuditLog>();
            for (var i = 0; i < 4; i++)
            {
                await log.AppendAsync(new AuditEvent("test.pg", AuditOutcomes.Done) { SubjectId = Guid.NewGuid() });
            }

            return await sp.GetRequiredService<FieldCipher>().EncryptAsync(_incident, KeyKind.IncidentData, _record, "family_name", new Sensitive<string>("Dubois"));
        }, postgres);

        var rotated = await NotifyHubCli.RunAsync(_data, null, postgres, "keys", "rotate-root");
        rotated.ExitCode.ShouldBe(0, rotated.Error);
        (await WithHostAsync(null, sp => Decrypt(sp, ciphertext), postgres)).ShouldBe("Dubois");
        (await NotifyHubCli.RunAsync(_data, null, postgres, "audit", "verify")).ExitCode.ShouldBe(0);

        (await database.ScalarAsync("WITH e AS (UPDATE privacy.audit_entries SET outcome = 'denied' WHERE sequence = 3 RETURNING 1) SELECT count(*) FROM e")).ShouldBe(1);
        var edited = await NotifyHubCli.RunAsync(_data, null, postgres, "audit", "verify");
        edited.ExitCode.ShouldBe(1);
        edited.Error.Trim().ShouldBe("notifyhub: audit chain broken: Audit entry 3 does not match its seal: it was edited (or resealed without the audit key).");
    }

    private async Task<string> Decrypt(IServiceProvider services, EncryptedField ciphertext) =>
        (await services.GetRequiredService<FieldCipher>().DecryptAsync(ciphertext, _record, "family_name")).Reveal();

    private async Task<T> WithHostAsync<T>(string? rootKey, Func<IServiceProvider, Task<T>> work, IReadOnlyDictionary<string, string>? environment = null)
    {
        var settings = new Dictionary<string, string?> { ["NotifyHub:DataDirectory"] = _data };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        if (rootKey is not null)
        {
            settings["NotifyHub:Keys:RootKey"] = rootKey;
        }

        await using var factory = new NotifyHubFactory(settings);
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await work(scope.ServiceProvider);
        SqliteConnection.ClearAllPools();
        return result;
    }

    private long LastSequence()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "privacy.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(sequence) FROM audit_entries";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "privacy.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery().ShouldBe(1);
    }

    public void Dispose()
    {
        NotifyHubFactory.DeleteDataDirectory(_data);
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("NotifyHub.Tests.RootRotation");
}
