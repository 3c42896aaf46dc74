using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Privacy;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;

namespace NotifyHub.Console.Tests.Sessions;

public sealed class Ending_sessions(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Logout_ends_this_session_at_once_but_not_the_users_other_sessions_and_is_audited()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Auditor);
        using var laptop = await Session.SignInAsync(host, account.Email, account.Password);
        using var phone = await Session.SignInAsync(host, account.Email, account.Password);
        (await laptop.MeAsync()).ShouldBe(HttpStatusCode.OK);

        (await laptop.Client.PostAsync(new Uri("/api/v1/auth/logout", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await laptop.MeAsync()).ShouldBe(HttpStatusCode.Unauthorized);
        (await laptop.RefreshAsync()).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await phone.MeAsync()).ShouldBe(HttpStatusCode.OK);
        (await AuditedAsync(account.Id, "auth.logout")).ShouldBe(1);
    }

    [Fact]
    public async Task Logout_everywhere_ends_every_session_of_the_user_only_and_is_audited()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.PrivacyOfficer);
        var colleague = await StaffAccounts.CreateAsync(host, Roles.PrivacyOfficer);
        using var laptop = await Session.SignInAsync(host, account.Email, account.Password);
        using var phone = await Session.SignInAsync(host, account.Email, account.Password);
        using var other = await Session.SignInAsync(host, colleague.Email, colleague.Password);

        (await phone.Client.PostAsync(new Uri("/api/v1/auth/logout-everywhere", UriKind.Relative), null))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await laptop.MeAsync()).ShouldBe(HttpStatusCode.Unauthorized);
        (await phone.MeAsync()).ShouldBe(HttpStatusCode.Unauthorized);
        (await laptop.RefreshAsync()).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await other.MeAsync()).ShouldBe(HttpStatusCode.OK);
        (await AuditedAsync(account.Id, "auth.logout_everywhere")).ShouldBe(1);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_sessions_opened_with_the_old_one()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.Admin);
        using var owner = await Session.SignInAsync(host, account.Email, account.Password);
        using var thief = await Session.SignInAsync(host, account.Email, account.Password);

        (await owner.Client.PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = account.Password, newPassword = "A-Brand-New-Passw0rd" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await thief.MeAsync()).ShouldBe(HttpStatusCode.Unauthorized);
        (await thief.Client.GetAsync(new Uri("/api/v1/staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await thief.RefreshAsync()).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var again = await Session.SignInAsync(host, account.Email, "A-Brand-New-Passw0rd");
        (await again.MeAsync()).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Enabling_two_factor_ends_the_sessions_opened_with_the_password_alone()
    {
        var account = await StaffAccounts.CreateAsync(host, Roles.PrivacyOfficer);
        using var owner = await Session.SignInAsync(host, account.Email, account.Password);
        using var thief = await Session.SignInAsync(host, account.Email, account.Password);
        var setup = await (await owner.Client.PostAsync(new Uri("/api/v1/auth/2fa/setup", UriKind.Relative), null)).ShouldBeOkJsonAsync();

        await (await owner.Client.PostAsJsonAsync("/api/v1/auth/2fa/enable",
            new { code = Totp.Code(setup.GetProperty("sharedKey").GetString()!) })).ShouldBeOkJsonAsync();

        (await thief.MeAsync()).ShouldBe(HttpStatusCode.Unauthorized);
        (await thief.Client.PostAsync(new Uri("/api/v1/auth/2fa/disable", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await thief.RefreshAsync()).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoking_a_vendor_ends_its_agents_sessions_at_once_and_no_one_elses()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);
        var vendorId = (await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = "Callcentre Ltd" }))
            .ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var agent = await StaffAccounts.CreateAsync(host, Roles.Agent, vendorId);
        var bystander = await StaffAccounts.CreateAsync(host, Roles.Agent);
        using var agentSession = await Session.SignInAsync(host, agent.Email, agent.Password);
        using var bystanderSession = await Session.SignInAsync(host, bystander.Email, bystander.Password);
        (await agentSession.MeAsync()).ShouldBe(HttpStatusCode.OK);

        (await admin.PostAsync(new Uri($"/api/v1/vendors/{vendorId}/revoke", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await agentSession.MeAsync()).ShouldBe(HttpStatusCode.Unauthorized);
        (await agentSession.Client.PostAsync(new Uri("/api/v1/auth/2fa/setup", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await bystanderSession.MeAsync()).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<int> AuditedAsync(Guid userId, string action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDbContext>();
        return await db.AuditEntries.CountAsync(e => e.ActorUserId == userId && e.Action == action);
    }
}
