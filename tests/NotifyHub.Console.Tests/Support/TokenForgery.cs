using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using NotifyHub.BuildingBlocks.Auth;
using System.Security.Claims;

namespace NotifyHub.Console.Tests.Support;

/// <summary>
/// What an attacker who can read the platform database does (the security review's forging tool): copy the Data
/// Protection key rows to files, build a provider over them with NotifyHub's application name, and mint bearer
/// tickets with the purposes Identity's bearer scheme uses.
/// </summary>
internal static class TokenForgery
{
    public static IReadOnlyList<string> KeyXmlRows(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "platform.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select Xml from data_protection_keys";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>A ticket format over the key rows stolen from <paramref name="dataDirectory"/>, copied into <paramref name="loot"/>.</summary>
    public static TicketDataFormat FromDatabase(string dataDirectory, string loot)
    {
        Directory.CreateDirectory(loot);
        var rows = KeyXmlRows(dataDirectory);
        for (var i = 0; i < rows.Count; i++)
        {
            File.WriteAllText(Path.Combine(loot, $"key-{i}.xml"), rows[i]);
        }

        return BearerFormat(DataProtectionProvider.Create(new DirectoryInfo(loot), b => b.SetApplicationName("NotifyHub")));
    }

    public static TicketDataFormat BearerFormat(IDataProtectionProvider provider) =>
        new(provider.CreateProtector("Microsoft.AspNetCore.Authentication.BearerToken", "Identity.Bearer", "BearerToken"));

    public static string Mint(TicketDataFormat format, Guid userId, IEnumerable<string> roles, Guid? vendorId = null,
        string? sessionKey = null)
    {
        var identity = new ClaimsIdentity("Identity.Application");
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, userId.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, "ghost@attacker.example"));
        identity.AddClaims(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (vendorId is { } vendor)
        {
            identity.AddClaim(new Claim(NotifyHubClaims.VendorId, vendor.ToString()));
        }

        if (sessionKey is not null)
        {
            identity.AddClaim(new Claim("notifyhub:session", sessionKey));
        }

        var properties = new AuthenticationProperties { ExpiresUtc = TimeProvider.System.GetUtcNow().AddMinutes(10) };
        return format.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, "Identity.Bearer:AccessToken"));
    }
}
