using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Privacy.Tests.Support;
using System.Text;

namespace NotifyHub.Privacy.Tests;

/// <summary>The design's canary: distinctive values go in; none may be found in clear in the database file.</summary>
public sealed class CanaryTests
{
    [Fact]
    public async Task No_personal_value_appears_in_clear_in_the_database_file_and_revoked_key_material_is_gone()
    {
        var file = Path.Combine(Path.GetTempPath(), $"notifyhub-canary-{Guid.NewGuid():N}.db");
        try
        {
            byte[] wrappedVendorKey;
            await using (var host = await PrivacyTestHost.StartAsync($"Data Source={file};Pooling=False"))
            {
                var scenario = new CallCentreScenario(host);
                await scenario.AssignAsync();
                var record = Guid.NewGuid();
                foreach (var (field, value) in TestPeople.Canary())
                {
                    await host.Get<FieldCipher>().EncryptAsync(scenario.Incident, KeyKind.IncidentData, record, field.ToString(), value);
                }

                foreach (var kind in new[] { BlindIndexKind.DateOfBirth, BlindIndexKind.Postcode, BlindIndexKind.ExternalId })
                {
                    await host.Get<BlindIndexer>().ComputeAsync(scenario.Incident, kind, TestPeople.CanaryValues()[Enum.Parse<PersonalField>(kind.ToString())]);
                }

                var projection = await scenario.ProjectionAsync(record);
                await host.Get<KeyService>().DecryptAsync(scenario.Request(projection));
                wrappedVendorKey = await WrappedKeyAsync(host, scenario.Vendor);
                await host.Get<VendorRevocation>().RevokeAsync(scenario.Vendor, scenario.Officer);

                // The audit log's contents as auditors read them (JSON unescaped), not only its bytes in the file.
                var audit = await AuditTextAsync(host);
                audit.ShouldContain(AuditActions.VendorRevoked);
                foreach (var value in TestPeople.CanaryValues().Values.Where(v => v.Length > 3))
                {
                    audit.ShouldNotContain(value, Case.Insensitive);
                }
            }

            var contents = await File.ReadAllBytesAsync(file);
            foreach (var value in TestPeople.CanaryValues().Values.Where(v => v.Length > 3))
            {
                contents.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)).ShouldBe(-1, value);
                contents.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)).ShouldBe(-1, value);
            }

            contents.AsSpan().IndexOf(wrappedVendorKey).ShouldBe(-1, "the revoked vendor's wrapped key is still in the file");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> AuditTextAsync(PrivacyTestHost host)
    {
        await using var command = host.Connection.CreateCommand();
        command.CommandText = "SELECT action, outcome, purpose, fields, details, actor_user_id, actor_vendor_id, subject_id FROM audit_entries";
        var text = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i)).Append('|');
            }

            if (!reader.IsDBNull(4))
            {
                foreach (var (key, value) in System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4))!)
                {
                    text.Append(key).Append('=').Append(value).Append('|');
                }
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static async Task<byte[]> WrappedKeyAsync(PrivacyTestHost host, Guid vendor)
    {
        await using var command = host.Connection.CreateCommand();
        command.CommandText = "SELECT wrapped_material FROM stored_keys WHERE owner_id = $owner";
        command.Parameters.AddWithValue("$owner", vendor.ToString().ToUpperInvariant());
        return (byte[])(await command.ExecuteScalarAsync())!;
    }
}
