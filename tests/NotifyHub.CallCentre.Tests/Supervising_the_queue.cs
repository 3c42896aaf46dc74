using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Testing;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.CallCentre.Tests;

public sealed class Supervising_the_queue(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private CallCentreWorld World => fixture.World;

    [Fact]
    public async Task The_queue_counts_the_vendors_cases_callbacks_agents_and_the_calls_to_expect_from_notices_sent()
    {
        var vendor = await World.RegisterVendorAsync();
        var incident = await World.OpenIncidentAsync();
        await World.ImportAsync(incident, People.Csv);
        await World.AssignAsync(incident, vendor, expected: 3);
        var codes = await World.ReferenceCodesAsync(incident);
        var account = await StaffAccounts.CreateAsync(World.Factory, BuildingBlocks.Auth.Roles.Agent, vendor);
        using var agent = await StaffAccounts.ClientAsync(World.Factory, account.Email, account.Password);
        using var supervisor = await World.SupervisorAsync(vendor);
        using var otherSupervisor = await World.SupervisorAsync(await World.RegisterVendorAsync());

        var worked = await CallCentreWorld.OpenCaseAsync(agent, incident, codes["ext-1"], "1981-03-14");
        await CallCentreWorld.OpenCaseAsync(agent, incident, codes["ext-2"], "1975-11-02");
        await CallCentreWorld.VerifyAsync(agent, new { referenceCode = codes["ext-3"], postcode = "9999" });
        (await agent.GetAsync(new Uri($"/api/v1/callcentre/cases/{worked}", UriKind.Relative))).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{worked}/callbacks", new { dueAt = TimeProvider.System.GetUtcNow().AddMinutes(30), reason = "After lunch" })).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{worked}/escalate", new { reason = "Disputes the breach" })).EnsureSuccessStatusCode();

        var bus = World.Factory.Services.GetRequiredService<IBus>();
        for (var i = 0; i < 100; i++)
        {
            await bus.Publish(new NotificationSent(Guid.NewGuid(), incident, null, Guid.NewGuid(), "email", TimeProvider.System.GetUtcNow()));
        }

        await Eventually.TrueAsync(async () =>
            await World.InCallCentreAsync(db => db.PersonNotifications.CountAsync(n => n.IncidentId == incident)) == 100, CallCentreWorld.Wait);
        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/callcentre/queue");
        var other = await otherSupervisor.GetFromJsonAsync<JsonElement>("/api/v1/callcentre/queue");

        queue.GetProperty("openCases").GetInt32().ShouldBe(2);
        queue.GetProperty("waiting").GetInt32().ShouldBe(1, "the second case has had nothing done on it");
        queue.GetProperty("escalations").GetInt32().ShouldBe(1);
        (queue.GetProperty("callbacksDue").GetInt32() + queue.GetProperty("callbacksOverdue").GetInt32()).ShouldBe(1);
        queue.GetProperty("callsToday").GetInt32().ShouldBe(3);
        queue.GetProperty("expectedCallsToday").GetInt32().ShouldBe(5, "5 calls per 100 notices by default");
        var me = queue.GetProperty("agents").EnumerateArray().Single();
        me.GetProperty("id").GetGuid().ShouldBe(account.Id);
        me.GetProperty("casesToday").GetInt32().ShouldBe(2);
        me.GetProperty("readsToday").GetInt32().ShouldBe(1);
        me.GetProperty("blocked").GetBoolean().ShouldBeFalse();
        other.GetProperty("openCases").GetInt32().ShouldBe(0);
        other.GetProperty("agents").EnumerateArray().ShouldBeEmpty();
    }
}
