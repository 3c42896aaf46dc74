using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Staff;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Console.Tests.Accounts;

/// <summary>An admin with a generated one-time password, on a host that requires a second factor (the default).</summary>
public sealed class Restricted_first_sign_in : IAsyncLifetime
{
    private const string OneTimePassword = "Gener4ted-0neTime-Pass";
    private const string NewPassword = "My-Own-Passw0rd-2026";
    private readonly NotifyHubFactory _host = AccountsHost.Create();

    [Fact]
    public async Task The_one_time_password_admin_can_only_change_its_password_then_only_enrol_then_do_its_job()
    {
        var email = await CreateAsync(Roles.Admin, mustChangePassword: true);
        using var client = _host.CreateClient();

        // 1. One-time password: only the password change and the account's own view.
        var first = await SignInAsync(client, email, OneTimePassword);
        first.GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        first.GetProperty("mustEnrolTwoFactor").GetBoolean().ShouldBeTrue();
        await (await client.GetAsync(new Uri("/api/v1/staff", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "password_change_required");
        await (await client.PostAsync(new Uri("/api/v1/auth/2fa/setup", UriKind.Relative), null)).ShouldBeOkJsonAsync();
        (await client.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = OneTimePassword, newPassword = NewPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // 2. Own password, no second factor yet: only enrolment.
        var second = await SignInAsync(client, email, NewPassword);
        second.GetProperty("mustChangePassword").GetBoolean().ShouldBeFalse();
        second.GetProperty("mustEnrolTwoFactor").GetBoolean().ShouldBeTrue();
        await (await client.GetAsync(new Uri("/api/v1/staff", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "two_factor_enrolment_required");
        await (await client.PostAsJsonAsync("/api/v1/vendors", new { name = "Not yet" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "two_factor_enrolment_required");
        var setup = await (await client.PostAsync(new Uri("/api/v1/auth/2fa/setup", UriKind.Relative), null)).ShouldBeOkJsonAsync();
        var key = setup.GetProperty("sharedKey").GetString()!;
        await (await client.PostAsJsonAsync("/api/v1/auth/2fa/enable", new { code = Totp.Code(key) })).ShouldBeOkJsonAsync();

        // 3. Full session.
        var third = await SignInAsync(client, email, NewPassword, Totp.Code(key, TimeProvider.System.GetUtcNow().AddSeconds(30)));
        third.GetProperty("mustEnrolTwoFactor").GetBoolean().ShouldBeFalse();
        (await client.GetAsync(new Uri("/api/v1/staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_privacy_officer_without_a_second_factor_gets_an_enrolment_only_token_and_an_auditor_does_not()
    {
        var officer = await CreateAsync(Roles.PrivacyOfficer, mustChangePassword: false);
        var auditor = await CreateAsync(Roles.Auditor, mustChangePassword: false);
        using var officerClient = _host.CreateClient();
        using var auditorClient = _host.CreateClient();

        (await SignInAsync(officerClient, officer, OneTimePassword)).GetProperty("mustEnrolTwoFactor").GetBoolean().ShouldBeTrue();
        (await SignInAsync(auditorClient, auditor, OneTimePassword)).GetProperty("mustEnrolTwoFactor").GetBoolean().ShouldBeFalse();

        await (await officerClient.GetAsync(new Uri("/api/v1/vendors", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "two_factor_enrolment_required");
        (await auditorClient.GetAsync(new Uri("/api/v1/audit", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> CreateAsync(string role, bool mustChangePassword)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@notifyhub.test";
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new CreateStaff(email, OneTimePassword, [role], null) { Actor = "tests", MustChangePassword = mustChangePassword });
        return email;
    }

    private static async Task<JsonElement> SignInAsync(HttpClient client, string email, string password, string? code = null)
    {
        client.DefaultRequestHeaders.Authorization = null;
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, twoFactorCode = code })).ShouldBeOkJsonAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return tokens;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
