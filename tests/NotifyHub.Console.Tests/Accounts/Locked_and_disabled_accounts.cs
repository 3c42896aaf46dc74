using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace NotifyHub.Console.Tests.Accounts;

public sealed partial class Locked_and_disabled_accounts(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task A_locked_account_answers_byte_for_byte_like_a_wrong_password()
    {
        var locked = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        var other = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        using var client = host.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = locked.Email, password = $"Wrong-Passw0rd-{i}" });
        }

        var lockedAnswer = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = locked.Email, password = locked.Password });
        var wrongAnswer = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = other.Email, password = "Wrong-Passw0rd-9" });
        var unknownAnswer = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@notifyhub.test", password = "Wrong-Passw0rd-9" });

        lockedAnswer.StatusCode.ShouldBe(wrongAnswer.StatusCode);
        var bodies = new[] { lockedAnswer, wrongAnswer, unknownAnswer }.Select(r => WithoutTraceId(r)).ToList();
        (await bodies[0]).ShouldBe(await bodies[1]);
        (await bodies[0]).ShouldBe(await bodies[2]);
        lockedAnswer.Content.Headers.ContentType.ShouldBe(wrongAnswer.Content.Headers.ContentType);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_nor_refresh_and_answers_like_a_wrong_password()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.PrivacyOfficer);
        using var client = host.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password })).ShouldBeOkJsonAsync();
        using var admin = await StaffAccounts.AdminClientAsync(host);

        (await admin.PostAsync(new Uri($"/api/v1/staff/{account.Id}/disable", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");

        (await admin.PostAsync(new Uri($"/api/v1/staff/{account.Id}/enable", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_unlocks_a_locked_account_early()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        using var client = host.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = $"Wrong-Passw0rd-{i}" });
        }

        using var admin = await StaffAccounts.AdminClientAsync(host);
        var view = await (await admin.PostAsync(new Uri($"/api/v1/staff/{account.Id}/unlock", UriKind.Relative), null)).ShouldBeOkJsonAsync();

        view.GetProperty("lockedOutUntil").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    // The trace id differs per request by design; everything else must be identical.
    private static async Task<string> WithoutTraceId(HttpResponseMessage response) =>
        TraceId().Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"-\"");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
