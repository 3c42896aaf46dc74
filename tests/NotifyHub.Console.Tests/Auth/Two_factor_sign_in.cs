using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Console.Tests.Auth;

public sealed class Two_factor_sign_in(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Once_enabled_login_without_a_code_is_two_factor_required_and_with_a_computed_code_gives_a_token()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.PrivacyOfficer);
        var (key, recoveryCodes) = await EnableAsync(account);
        using var client = host.CreateClient();

        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "two_factor_required");
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = account.Password, twoFactorCode = NextCode(key) })).ShouldBeOkJsonAsync();

        tokens.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
        recoveryCodes.Count.ShouldBe(10);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_a_recovery_code_works_once()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        var (key, recoveryCodes) = await EnableAsync(account);
        using var client = host.CreateClient();
        var wrong = Totp.Code(key, TimeProvider.System.GetUtcNow().AddHours(-1));

        await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = account.Password, twoFactorCode = wrong }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_two_factor_code");
        (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = account.Password, twoFactorRecoveryCode = recoveryCodes[0] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = account.Password, twoFactorRecoveryCode = recoveryCodes[0] }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_two_factor_code");
    }

    [Fact]
    public async Task The_wrong_password_with_a_right_code_is_still_invalid_credentials()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        var (key, _) = await EnableAsync(account);
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = "Not-The-Passw0rd!", twoFactorCode = Totp.Code(key) });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Setup_gives_a_key_and_an_otpauth_uri_and_enabling_needs_a_matching_code()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        using var client = await StaffAccounts.ClientAsync(host, account.Email, account.Password);

        var setup = await (await client.PostAsync(new Uri("/api/v1/auth/2fa/setup", UriKind.Relative), null)).ShouldBeOkJsonAsync();
        var staleCode = Totp.Code(setup.GetProperty("sharedKey").GetString()!, TimeProvider.System.GetUtcNow().AddHours(-1));
        var response = await client.PostAsJsonAsync("/api/v1/auth/2fa/enable", new { code = staleCode });

        var uri = setup.GetProperty("authenticatorUri").GetString()!;
        uri.ShouldStartWith("otpauth://totp/NotifyHub%3A");
        uri.ShouldContain($"secret={setup.GetProperty("sharedKey").GetString()}");
        uri.ShouldContain("issuer=NotifyHub");
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_two_factor_code");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        me.GetProperty("twoFactorEnabled").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Disabling_two_factor_lets_the_password_alone_sign_in_again()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.PrivacyOfficer);
        var (key, recoveryCodes) = await EnableAsync(account);
        using var client = host.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = account.Password, twoFactorRecoveryCode = recoveryCodes[0] })).ShouldBeOkJsonAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("accessToken").GetString());

        (await client.PostAsJsonAsync("/api/v1/auth/2fa/disable", new { password = account.Password, code = NextCode(key) }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The code of the next 30-second step: the current one was spent enabling, and a code works only once.</summary>
    internal static string NextCode(string key) => Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30));

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(StaffAccounts.Account account)
    {
        using var client = await StaffAccounts.ClientAsync(host, account.Email, account.Password);
        var setup = await (await client.PostAsync(new Uri("/api/v1/auth/2fa/setup", UriKind.Relative), null)).ShouldBeOkJsonAsync();
        var key = setup.GetProperty("sharedKey").GetString()!;
        var enabled = await (await client.PostAsJsonAsync("/api/v1/auth/2fa/enable", new { code = Totp.Code(key) })).ShouldBeOkJsonAsync();
        return (key, [.. enabled.GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!)]);
    }
}
