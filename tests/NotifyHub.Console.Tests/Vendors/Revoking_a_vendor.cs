using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Contracts.Console;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Console.Tests.Vendors;

public sealed class Revoking_a_vendor(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Locks_out_its_agents_ends_their_refresh_tokens_and_publishes_VendorRevoked()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);
        var vendorId = (await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = "OracleCMS" }))
            .ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var agent = await StaffAccounts.CreateAsync(host, Roles.Agent, vendorId);
        var supervisor = await StaffAccounts.CreateAsync(host, Roles.Supervisor, vendorId);
        var bystander = await StaffAccounts.CreateAsync(host, Roles.Agent);
        using var client = host.CreateClient();
        var agentTokens = await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = agent.Email, password = agent.Password })).ShouldBeOkJsonAsync();
        var published = await ObserveAsync(vendorId);
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("id").GetGuid();

        var revoked = await (await admin.PostAsync(new Uri($"/api/v1/vendors/{vendorId}/revoke", UriKind.Relative), null))
            .ShouldBeOkJsonAsync();

        revoked.GetProperty("status").GetString().ShouldBe("revoked");
        var message = await published.Task.WaitAsync(TimeSpan.FromSeconds(20));
        message.RevokedBy.ShouldBe(adminId.ToString());
        foreach (var user in new[] { agent, supervisor })
        {
            // Locked out for good, yet answered like a wrong password: the answer does not confirm the account.
            await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password }))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = agentTokens.GetProperty("refreshToken").GetString() }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = bystander.Email, password = bystander.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_vendor_gets_no_new_agents_and_cannot_be_revoked_twice()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);
        var vendorId = (await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = "Dealer CRM Ltd" }))
            .ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await admin.PostAsync(new Uri($"/api/v1/vendors/{vendorId}/revoke", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var agent = await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            email = $"agent-{Guid.NewGuid():N}@notifyhub.test", password = "Agent-Passw0rd!Long", roles = new[] { Roles.Agent }, vendorId,
        });
        var again = await admin.PostAsync(new Uri($"/api/v1/vendors/{vendorId}/revoke", UriKind.Relative), null);

        await agent.ShouldBeProblemAsync(HttpStatusCode.Conflict, "vendor_not_active");
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "vendor_already_revoked");
        var vendors = await admin.GetFromJsonAsync<JsonElement>("/api/v1/vendors");
        vendors.EnumerateArray().Single(v => v.GetProperty("id").GetGuid() == vendorId)
            .GetProperty("status").GetString().ShouldBe("revoked");
    }

    [Fact]
    public async Task Only_an_admin_revokes_while_a_privacy_officer_may_list()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);
        using var officer = await StaffAccounts.ClientForAsync(host, Roles.PrivacyOfficer);
        using var agent = await StaffAccounts.ClientForAsync(host, Roles.Agent);
        var vendorId = (await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = "Temp staffing" }))
            .ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        (await officer.PostAsync(new Uri($"/api/v1/vendors/{vendorId}/revoke", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsJsonAsync("/api/v1/vendors", new { name = "Sneaky" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync(new Uri("/api/v1/vendors", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.GetAsync(new Uri("/api/v1/vendors", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>A temporary queue on the in-memory bus, bound to VendorRevoked like any consumer's would be.</summary>
    private async Task<TaskCompletionSource<VendorRevoked>> ObserveAsync(Guid vendorId)
    {
        var seen = new TaskCompletionSource<VendorRevoked>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = host.Services.GetRequiredService<IBus>();
        var handle = bus.ConnectReceiveEndpoint($"test-vendor-revoked-{vendorId:N}", e => e.Handler<VendorRevoked>(context =>
        {
            if (context.Message.VendorId == vendorId)
            {
                seen.TrySetResult(context.Message);
            }

            return Task.CompletedTask;
        }));
        await handle.Ready;
        return seen;
    }
}
