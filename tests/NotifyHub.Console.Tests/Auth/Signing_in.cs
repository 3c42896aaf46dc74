using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace NotifyHub.Console.Tests.Auth;

public sealed class Signing_in(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Login_returns_a_token_that_authorises_an_admin_endpoint()
    {
        using var client = host.CreateClient();

        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = NotifyHubFactory.AdminEmail, password = NotifyHubFactory.AdminPassword })).ShouldBeOkJsonAsync();

        tokens.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
        tokens.GetProperty("refreshToken").GetString().ShouldNotBeNullOrEmpty();
        tokens.GetProperty("expiresIn").GetInt64().ShouldBeGreaterThan(0);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        (await client.GetAsync(new Uri("/api/v1/staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_problem_json_with_invalid_credentials()
    {
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = NotifyHubFactory.AdminEmail, password = "Not-The-Passw0rd!" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = host.CreateClient();
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);

        var unknown = await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = "nobody@notifyhub.test", password = "Not-The-Passw0rd!" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var wrong = await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = "Not-The-Passw0rd!" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        unknown.GetProperty("title").GetString().ShouldBe(wrong.GetProperty("title").GetString());
        unknown.GetProperty("detail").GetString().ShouldBe(wrong.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_fails_like_a_wrong_one()
    {
        using var client = host.CreateClient();
        var account = await StaffAccounts.CreateAsync(host, Roles.PrivacyOfficer);
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = $"Wrong-Passw0rd-{i}" });
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });

        // The lock is real, but the answer does not confirm that the account exists.
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        problem.TryGetProperty("lockedOutUntil", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        using var client = host.CreateClient();
        var account = await StaffAccounts.CreateAsync(host, Roles.PrivacyOfficer);
        for (var i = 0; i < 4; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = $"Wrong-Passw0rd-{i}" });
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token()
    {
        using var client = host.CreateClient();
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = account.Password })).ShouldBeOkJsonAsync();

        var refreshed = await (await client.PostAsJsonAsync("/api/v1/auth/refresh",
            new { refreshToken = tokens.GetProperty("refreshToken").GetString() })).ShouldBeOkJsonAsync();

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.GetProperty("accessToken").GetString());
        var me = await (await client.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative))).ShouldBeOkJsonAsync();
        me.GetProperty("id").GetGuid().ShouldBe(account.Id);
    }

    [Fact]
    public async Task A_forged_refresh_token_is_refused()
    {
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "CfDJ8-not-a-real-token" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Changing_the_password_retires_the_old_password_and_refresh_token()
    {
        using var client = host.CreateClient();
        var account = await StaffAccounts.CreateAsync(host, Roles.Admin);
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = account.Email, password = account.Password })).ShouldBeOkJsonAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());

        var changed = await client.PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = account.Password, newPassword = "A-Brand-New-Passw0rd" });

        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "A-Brand-New-Passw0rd" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Without_a_token_the_staff_api_answers_401_and_to_a_non_admin_403()
    {
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        using var officer = await StaffAccounts.ClientForAsync(host, Roles.PrivacyOfficer);

        (await anonymous.GetAsync(new Uri("/api/v1/staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await officer.GetAsync(new Uri("/api/v1/staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task There_is_no_self_registration()
    {
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "me@notifyhub.test", password = "Self-Registered-1" });

        // No such route: closed by the fallback policy (401 to an anonymous caller) or simply absent; never created.
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed, HttpStatusCode.Unauthorized);
    }
}
