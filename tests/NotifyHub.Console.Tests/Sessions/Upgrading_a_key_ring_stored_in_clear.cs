using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;

namespace NotifyHub.Console.Tests.Sessions;

public sealed class Upgrading_a_key_ring_stored_in_clear
{
    [Fact]
    public async Task A_key_an_earlier_version_stored_in_clear_is_deleted_at_start_and_its_tokens_are_refused()
    {
        var data = Path.Combine(Path.GetTempPath(), "notifyhub-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["NotifyHub:DataDirectory"] = data };
        try
        {
            await using (var first = new NotifyHubFactory(settings))
            {
                using var admin = await StaffAccounts.AdminClientAsync(first);
            }

            // What an earlier version left behind: a key in clear, which anyone reading the database could use.
            var old = Path.Combine(data, "old-key-ring");
            var oldFormat = TokenForgery.BearerFormat(DataProtectionProvider.Create(new DirectoryInfo(old), b => b.SetApplicationName("NotifyHub")));
            var forged = TokenForgery.Mint(oldFormat, Guid.NewGuid(), [Roles.Admin]);
            InsertKeyRow(data, File.ReadAllText(Directory.GetFiles(old, "*.xml").Single()));
            TokenForgery.KeyXmlRows(data).ShouldContain(xml => xml.Contains("<masterKey", StringComparison.Ordinal));

            await using var second = new NotifyHubFactory(settings);
            using var client = second.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

            (await client.GetAsync(new Uri("/api/v1/staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            TokenForgery.KeyXmlRows(data).ShouldAllBe(xml => !xml.Contains("<masterKey", StringComparison.Ordinal));
        }
        finally
        {
            NotifyHubFactory.DeleteDataDirectory(data);
        }
    }

    private static void InsertKeyRow(string data, string xml)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "platform.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "insert into data_protection_keys (FriendlyName, Xml) values ('old', $xml)";
        command.Parameters.AddWithValue("$xml", xml);
        command.ExecuteNonQuery();
    }
}
