using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Contracts.Privacy;
using NotifyHub.Privacy;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;

namespace NotifyHub.IntegrationTests.Privacy;

/// <summary>
/// The NTT Docomo pattern: one vendor user reading record after record. Past the default rate (60 records in
/// 10 minutes) the key service blocks the agent and BulkAccessSuspected leaves through the outbox onto the bus,
/// on both databases (the privacy store's outbox is snake_case, unlike the modules' own).
/// </summary>
public sealed class Bulk_access
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task An_agent_past_the_default_rate_is_blocked_and_BulkAccessSuspected_is_published(string provider)
    {
        await using var database = provider == "PostgreSql" ? await PostgresDatabase.CreateAsync() : null;
        await using var host = new NotifyHubFactory(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = provider,
            ["ConnectionStrings:NotifyHub"] = database?.ConnectionString,
        });
        var agent = await StaffAccounts.CreateAsync(host, Roles.Agent);
        var vendorId = agent.VendorId!.Value;
        var incidentId = Guid.NewGuid();
        var suspected = new TaskCompletionSource<BulkAccessSuspected>(TaskCreationOptions.RunContinuationsAsynchronously);
        var endpoint = host.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("test-bulk-access",
            e => e.Handler<BulkAccessSuspected>(c => Task.FromResult(suspected.TrySetResult(c.Message))));
        await endpoint.Ready;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VendorAssignments>().AssignAsync(
                vendorId, incidentId, Purpose.CallCentre, new PrivacyActor(Guid.NewGuid(), [Roles.PrivacyOfficer]));
        }

        var granted = 0;
        AccessBlockedException? blocked = null;
        for (var i = 0; i < 100 && blocked is null; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var personId = Guid.NewGuid();
            var projection = await scope.ServiceProvider.GetRequiredService<ProjectionBuilder>().BuildAsync(personId, Purpose.CallCentre, vendorId,
                new Dictionary<PersonalField, Sensitive<string>> { [PersonalField.GivenName] = new($"Person {i}") });
            try
            {
                await scope.ServiceProvider.GetRequiredService<KeyService>().DecryptAsync(new AccessRequest(
                    agent.Id, [Roles.Agent], vendorId, incidentId, personId, Purpose.CallCentre, projection.Ciphertext));
                granted++;
            }
            catch (AccessBlockedException e)
            {
                blocked = e;
            }
        }

        granted.ShouldBe(60);
        blocked.ShouldNotBeNull();
        var message = await suspected.Task.WaitAsync(TimeSpan.FromSeconds(20));
        message.UserId.ShouldBe(agent.Id);
        message.VendorId.ShouldBe(vendorId);
        message.IncidentId.ShouldBe(incidentId);
        message.RecordCount.ShouldBe(60);
        await using var check = host.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<KeyService>().IsBlockedAsync(agent.Id)).ShouldBeTrue();
        (await check.ServiceProvider.GetRequiredService<PrivacyDbContext>().AuditEntries
            .CountAsync(a => a.ActorUserId == agent.Id && a.Outcome == "granted")).ShouldBe(60);
    }
}
