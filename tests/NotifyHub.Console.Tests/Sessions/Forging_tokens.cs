using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;

namespace NotifyHub.Console.Tests.Sessions;

public sealed class Forging_tokens(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task The_key_ring_in_the_database_holds_no_key_in_clear()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);

        var rows = TokenForgery.KeyXmlRows(host.DataDirectory);

        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(xml => !xml.Contains("<masterKey", StringComparison.Ordinal));
        rows.ShouldAllBe(xml => xml.Contains("<rootKeyEncrypted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_token_minted_from_the_database_keys_for_a_user_who_does_not_exist_is_refused()
    {
        var tokens = await LoginAsync(NotifyHubFactory.AdminEmail, NotifyHubFactory.AdminPassword);
        var loot = Path.Combine(host.DataDirectory, "..", $"loot-{Guid.NewGuid():N}");
        try
        {
            var stolen = TokenForgery.FromDatabase(host.DataDirectory, loot);
            var forged = TokenForgery.Mint(stolen, Guid.NewGuid(), [Roles.Admin, Roles.Auditor, Roles.PrivacyOfficer]);

            stolen.Unprotect(tokens.GetProperty("accessToken").GetString()).ShouldBeNull("the stolen keys read a real token");
            (await GetAsync("/api/v1/staff", forged)).ShouldBe(HttpStatusCode.Unauthorized);
            (await GetAsync("/api/v1/audit", forged)).ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            if (Directory.Exists(loot))
            {
                Directory.Delete(loot, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Even_with_the_whole_key_ring_a_token_naming_no_live_session_is_refused()
    {
        var admin = await LoginAsync(NotifyHubFactory.AdminEmail, NotifyHubFactory.AdminPassword);
        var adminId = await IdOfAsync(admin);
        var leaked = TokenForgery.BearerFormat(host.Services.GetRequiredService<IDataProtectionProvider>());

        var ghost = TokenForgery.Mint(leaked, Guid.NewGuid(), [Roles.Admin]);
        var guessedSession = TokenForgery.Mint(leaked, adminId, [Roles.Admin], sessionKey: Convert.ToBase64String(Guid.NewGuid().ToByteArray()));

        (await GetAsync("/api/v1/staff", ghost)).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync("/api/v1/staff", guessedSession)).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync("/api/v1/staff", admin.GetProperty("accessToken").GetString()!)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Roles_and_vendor_come_from_the_session_whatever_the_token_claims()
    {
        var vendorId = Guid.NewGuid();
        var agent = await StaffAccounts.CreateAsync(host, Roles.Agent, vendorId);
        var tokens = await LoginAsync(agent.Email, agent.Password);
        var format = host.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get("Identity.Bearer").BearerTokenProtector;
        var ticket = format.Unprotect(tokens.GetProperty("accessToken").GetString())!;
        var identity = (ClaimsIdentity)ticket.Principal.Identity!;
        identity.RemoveClaim(identity.FindFirst(NotifyHubClaims.VendorId));
        identity.AddClaim(new Claim(NotifyHubClaims.VendorId, Guid.NewGuid().ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Role, Roles.Admin));
        identity.AddClaim(new Claim(ClaimTypes.Role, Roles.PrivacyOfficer));
        var tampered = format.Protect(ticket);

        (await GetAsync("/api/v1/staff", tampered)).ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync("/api/v1/vendors", tampered)).ShouldBe(HttpStatusCode.Forbidden);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tampered);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Agent]);
        me.GetProperty("vendorId").GetGuid().ShouldBe(vendorId);
    }

    private async Task<JsonElement> LoginAsync(string email, string password)
    {
        using var client = host.CreateClient();
        return await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password })).ShouldBeOkJsonAsync();
    }

    private async Task<Guid> IdOfAsync(JsonElement tokens)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return (await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("id").GetGuid();
    }

    private async Task<HttpStatusCode> GetAsync(string path, string token)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;
    }
}
