using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Staff;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;

namespace NotifyHub.Console.Tests.Staff;

public sealed class Managing_staff(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string Password = "Staff-Passw0rd!Long";

    [Fact]
    public async Task An_admin_creates_staff_and_lists_them_without_password_data()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);
        var email = $"officer-{Guid.NewGuid():N}@notifyhub.test";

        var response = await admin.PostAsJsonAsync("/api/v1/staff", new { email, password = Password, roles = new[] { Roles.PrivacyOfficer } });

        var id = (await response.ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/staff/{id}");
        var list = await admin.GetStringAsync(new Uri("/api/v1/staff", UriKind.Relative));
        list.ShouldContain(email);
        list.ShouldContain(NotifyHubFactory.AdminEmail);
        foreach (var secret in new[] { Password, "passwordHash", "securityStamp", "authenticator" })
        {
            list.ShouldNotContain(secret, Case.Insensitive);
        }

        var created = await (await admin.GetAsync(new Uri($"/api/v1/staff/{id}", UriKind.Relative))).ShouldBeOkJsonAsync();
        created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.PrivacyOfficer]);
        (await StaffAccounts.ClientAsync(host, email, Password)).Dispose();
    }

    [Fact]
    public async Task An_agent_without_a_vendor_is_refused()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);

        var response = await admin.PostAsJsonAsync("/api/v1/staff",
            new { email = $"agent-{Guid.NewGuid():N}@notifyhub.test", password = Password, roles = new[] { Roles.Agent } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("vendorId")[0].GetString().ShouldBe("Agents and supervisors must belong to a vendor.");
    }

    [Fact]
    public async Task Identity_itself_refuses_a_supervisor_without_a_vendor()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"supervisor-{Guid.NewGuid():N}@notifyhub.test";
        var user = new StaffUser { UserName = email, Email = email };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();

        var result = await users.AddToRoleAsync(user, Roles.Supervisor);

        result.Errors.Select(e => e.Code).ShouldBe([StaffUserValidator.VendorRequired]);
    }

    [Fact]
    public async Task An_agent_for_an_unknown_vendor_is_refused()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);

        var response = await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            email = $"agent-{Guid.NewGuid():N}@notifyhub.test", password = Password, roles = new[] { Roles.Agent }, vendorId = Guid.NewGuid(),
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_vendors_agent_cannot_also_hold_a_controller_role_and_staff_of_the_controller_have_no_vendor()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);
        var vendorId = await RegisterVendorAsync(admin);

        var agentAdmin = await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            email = $"agent-{Guid.NewGuid():N}@notifyhub.test", password = Password, roles = new[] { Roles.Agent, Roles.Admin }, vendorId,
        });
        var auditorWithVendor = await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            email = $"auditor-{Guid.NewGuid():N}@notifyhub.test", password = Password, roles = new[] { Roles.Auditor }, vendorId,
        });

        (await agentAdmin.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("roles", out _).ShouldBeTrue();
        (await auditorWithVendor.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("vendorId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_agents_token_carries_its_vendor_and_role()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);
        var vendorId = await RegisterVendorAsync(admin);
        var email = $"agent-{Guid.NewGuid():N}@notifyhub.test";
        (await admin.PostAsJsonAsync("/api/v1/staff", new { email, password = Password, roles = new[] { Roles.Agent }, vendorId }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        using var agent = await StaffAccounts.ClientAsync(host, email, Password);

        var me = await (await agent.GetAsync(new Uri("/api/v1/auth/me", UriKind.Relative))).ShouldBeOkJsonAsync();

        me.GetProperty("vendorId").GetGuid().ShouldBe(vendorId);
        me.GetProperty("email").GetString().ShouldBe(email);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Agent]);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_policy()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);

        var response = await admin.PostAsJsonAsync("/api/v1/staff",
            new { email = $"officer-{Guid.NewGuid():N}@notifyhub.test", password = "Short-1a!", roles = new[] { Roles.PrivacyOfficer } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString())
            .ShouldContain(m => m!.Contains("12 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_email_twice_is_a_conflict()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);

        var response = await admin.PostAsJsonAsync("/api/v1/staff",
            new { email = NotifyHubFactory.AdminEmail.ToUpperInvariant(), password = Password, roles = new[] { Roles.Auditor } });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "email_in_use");
    }

    [Fact]
    public async Task An_unknown_role_is_refused()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);

        var response = await admin.PostAsJsonAsync("/api/v1/staff",
            new { email = $"x-{Guid.NewGuid():N}@notifyhub.test", password = Password, roles = new List<string> { "Root" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private static async Task<Guid> RegisterVendorAsync(HttpClient admin) =>
        (await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = $"Oracle Call Centres {Guid.NewGuid():N}" }))
            .ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
}
