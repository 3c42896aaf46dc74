using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy;
using NotifyHub.Privacy.Audit;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;

namespace NotifyHub.CallCentre.Tests;

/// <summary>More than 20 failed verifications in ten minutes block the agent like bulk reads do, until unblocked.</summary>
public sealed class Blocking_guessers(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private CallCentreWorld World => fixture.World;

    [Fact]
    public async Task The_twenty_first_failure_blocks_the_agent_until_a_supervisor_of_the_same_vendor_unblocks_them()
    {
        var vendor = await World.RegisterVendorAsync();
        var incident = await World.OpenIncidentAsync();
        await World.ImportAsync(incident, People.Csv);
        await World.AssignAsync(incident, vendor, expected: 3);
        var codes = await World.ReferenceCodesAsync(incident);
        var account = await Testing.StaffAccounts.CreateAsync(World.Factory, BuildingBlocks.Auth.Roles.Agent, vendor);
        using var agent = await Testing.StaffAccounts.ClientAsync(World.Factory, account.Email, account.Password);
        using var supervisor = await World.SupervisorAsync(vendor);
        using var otherSupervisor = await World.SupervisorAsync(await World.RegisterVendorAsync());
        var caseId = await CallCentreWorld.OpenCaseAsync(agent, incident, codes["ext-1"], "1981-03-14");

        for (var i = 0; i < 20; i++)
        {
            (await CallCentreWorld.VerifyAsync(agent, new { referenceCode = codes["ext-1"], dateOfBirth = $"1900-01-{i + 1:00}" }))
                .GetProperty("verified").GetBoolean().ShouldBeFalse();
        }

        var twentyFirst = await agent.PostAsJsonAsync("/api/v1/callcentre/verifications", new { referenceCode = codes["ext-2"], dateOfBirth = "1900-01-01" });
        var afterBlock = await agent.PostAsJsonAsync("/api/v1/callcentre/verifications", new { referenceCode = codes["ext-1"], dateOfBirth = "1981-03-14" });
        var read = await agent.GetAsync(new Uri($"/api/v1/callcentre/cases/{caseId}", UriKind.Relative));
        var queue = await supervisor.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/callcentre/queue");
        var wrongSupervisor = await otherSupervisor.PostAsync(new Uri($"/api/v1/callcentre/agents/{account.Id}/unblock", UriKind.Relative), null);
        var byAgentThemself = await agent.PostAsync(new Uri($"/api/v1/callcentre/agents/{account.Id}/unblock", UriKind.Relative), null);
        var unblock = await supervisor.PostAsync(new Uri($"/api/v1/callcentre/agents/{account.Id}/unblock", UriKind.Relative), null);
        var afterUnblock = await CallCentreWorld.VerifyAsync(agent, new { referenceCode = codes["ext-1"], dateOfBirth = "1981-03-14" });

        twentyFirst.StatusCode.ShouldBe(HttpStatusCode.OK, "the failure that crosses the limit is still answered");
        afterBlock.StatusCode.ShouldBe((HttpStatusCode)423);
        (await CallCentreWorld.ProblemCodeAsync(afterBlock)).ShouldBe("agent_blocked");
        read.StatusCode.ShouldBe((HttpStatusCode)423, "the key service's own block stops case reads too");
        queue.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == account.Id).GetProperty("blocked").GetBoolean().ShouldBeTrue();
        wrongSupervisor.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        byAgentThemself.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        unblock.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterUnblock.GetProperty("verified").GetBoolean().ShouldBeTrue();

        // The call centre's own entries reach the chain through its outbox, a moment after each answer.
        async Task<List<AuditEntry>> EntriesAsync()
        {
            await using var scope = World.Factory.Services.CreateAsyncScope();
            var privacy = scope.ServiceProvider.GetRequiredService<PrivacyDbContext>();
            return await privacy.AuditEntries.AsNoTracking().Where(e => e.ActorUserId == account.Id || e.SubjectId == account.Id).ToListAsync();
        }

        await Eventually.TrueAsync(async () => (await EntriesAsync()).Count(e => e.Action == "callcentre.verify") >= 24, TimeSpan.FromSeconds(30));
        var entries = await EntriesAsync();
        entries.Count(e => e.Action == "callcentre.verify").ShouldBe(24, "every attempt is audited, the blocked one too");
        entries.Count(e => e.Action == AuditActions.AccessBlocked).ShouldBe(1);
        entries.Count(e => e.Action == AuditActions.AccessUnblocked && e.Outcome == AuditOutcomes.Done).ShouldBe(1);
    }
}
