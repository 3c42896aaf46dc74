using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Database;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace NotifyHub.Console.Tests.Accounts;

public sealed class Second_factor_hardening(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task A_code_that_signed_in_once_is_refused_the_second_time()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        var (key, _) = await EnableAsync(account);
        using var client = host.CreateClient();
        var code = Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30));

        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password, twoFactorCode = code }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var replay = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password, twoFactorCode = code });

        await replay.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_two_factor_code");
    }

    [Fact]
    public async Task A_code_older_than_one_step_is_refused()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        var (key, _) = await EnableAsync(account);
        using var client = host.CreateClient();

        var stale = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = account.Password, twoFactorCode = Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(-75)) });

        await stale.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_two_factor_code");
    }

    [Fact]
    public async Task Disabling_needs_the_password_and_a_current_code_not_just_a_token()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        var (key, recovery) = await EnableAsync(account);
        using var client = host.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = account.Password, twoFactorRecoveryCode = recovery[0] })).ShouldBeOkJsonAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("accessToken").GetString());

        (await client.PostAsJsonAsync("/api/v1/auth/2fa/disable", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync("/api/v1/auth/2fa/disable", new { password = "Wrong-Passw0rd-1", code = Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30)) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_credentials");
        (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/auth/me")).GetProperty("twoFactorEnabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_authenticator_key_and_recovery_codes_are_not_in_console_db_in_clear()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        var (key, recovery) = await EnableAsync(account);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConsoleDbContext>();
        var stored = await db.UserTokens.AsNoTracking().Where(t => t.UserId == account.Id).ToListAsync();
        stored.Select(t => t.Name).ShouldBe(["AuthenticatorKey", "RecoveryCodes"], ignoreOrder: true);
        stored.ShouldAllBe(t => !t.Value!.Contains(key) && !recovery.Any(c => t.Value!.Contains(c)));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(host.DataDirectory, "console.db*");
        var bytes = string.Concat(files.Select(f => Encoding.Latin1.GetString(ReadShared(f))));
        bytes.ShouldNotContain(key);
        recovery.ShouldAllBe(c => !bytes.Contains(c, StringComparison.Ordinal));
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(StaffAccounts.Account account)
    {
        using var client = await StaffAccounts.ClientAsync(host, account.Email, account.Password);
        var setup = await (await client.PostAsync(new Uri("/api/v1/auth/2fa/setup", UriKind.Relative), null)).ShouldBeOkJsonAsync();
        var key = setup.GetProperty("sharedKey").GetString()!;
        var enabled = await (await client.PostAsJsonAsync("/api/v1/auth/2fa/enable", new { code = Totp.Code(key) })).ShouldBeOkJsonAsync();
        return (key, [.. enabled.GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!)]);
    }
}
