using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Privacy.Tests.Support;

namespace NotifyHub.Privacy.Tests.Access;

public sealed class KeyServiceTests : IAsyncLifetime
{
    private PrivacyTestHost _host = null!;
    private CallCentreScenario _scenario = null!;

    private KeyService Keys => _host.Get<KeyService>();

    public async Task InitializeAsync()
    {
        _host = await PrivacyTestHost.StartAsync();
        _scenario = new CallCentreScenario(_host);
        await _scenario.AssignAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_agent_of_the_assigned_vendor_reads_one_record_and_it_is_audited()
    {
        var projection = await _scenario.ProjectionAsync();

        var decrypted = await Keys.DecryptAsync(_scenario.Request(projection));

        decrypted[PersonalField.GivenName]!.Reveal().ShouldBe("Zebedee");
        decrypted.Fields.Keys.ShouldBe([PersonalField.GivenName, PersonalField.Language, PersonalField.DataCategories], ignoreOrder: true);
        var entry = await LastAuditEntry();
        entry.Action.ShouldBe(AuditActions.ProjectionDecrypt);
        entry.Outcome.ShouldBe(AuditOutcomes.Granted);
        entry.ActorUserId.ShouldBe(_scenario.Agent.UserId);
        entry.ActorVendorId.ShouldBe(_scenario.Vendor);
        entry.SubjectId.ShouldBe(projection.RecordId);
        entry.Purpose.ShouldBe(Purpose.CallCentre);
        entry.Fields.ShouldBe("given_name,language,data_categories");
    }

    [Fact]
    public async Task Refuses_a_user_of_another_vendor()
    {
        var projection = await _scenario.ProjectionAsync();
        var outsider = new PrivacyActor(Guid.NewGuid(), [PrivacyRoles.Agent], _scenario.OtherVendor);

        var error = await Should.ThrowAsync<AccessDeniedException>(() => Keys.DecryptAsync(_scenario.Request(projection, outsider)));

        error.Reason.ShouldBe(AccessDenialReason.WrongVendor);
        (await LastAuditEntry()).Outcome.ShouldBe("denied:wrong_vendor");
    }

    [Fact]
    public async Task Refuses_a_user_without_a_vendor()
    {
        var projection = await _scenario.ProjectionAsync();

        var error = await Should.ThrowAsync<AccessDeniedException>(() => Keys.DecryptAsync(_scenario.Request(projection, _scenario.Agent)));

        error.Reason.ShouldBe(AccessDenialReason.WrongVendor);
    }

    [Theory]
    [InlineData(PrivacyRoles.Admin)]
    [InlineData(PrivacyRoles.Auditor)]
    [InlineData(PrivacyRoles.PrivacyOfficer)]
    public async Task Refuses_a_role_that_does_not_answer_calls(string role)
    {
        var projection = await _scenario.ProjectionAsync();
        var user = new PrivacyActor(Guid.NewGuid(), [role], _scenario.Vendor);

        var error = await Should.ThrowAsync<AccessDeniedException>(() => Keys.DecryptAsync(_scenario.Request(projection, user)));

        error.Reason.ShouldBe(AccessDenialReason.Role);
        (await LastAuditEntry()).Outcome.ShouldBe("denied:role");
    }

    [Fact]
    public async Task Refuses_an_incident_the_vendor_is_not_assigned_to()
    {
        var projection = await _scenario.ProjectionAsync();
        var request = _scenario.Request(projection) with { IncidentId = Guid.NewGuid() };

        var error = await Should.ThrowAsync<AccessDeniedException>(() => Keys.DecryptAsync(request));

        error.Reason.ShouldBe(AccessDenialReason.NotAssigned);
        (await LastAuditEntry()).Outcome.ShouldBe("denied:not_assigned");
    }

    [Fact]
    public async Task Refuses_a_purpose_the_vendor_is_not_assigned_for()
    {
        var projection = await _scenario.ProjectionAsync();

        var error = await Should.ThrowAsync<AccessDeniedException>(
            () => Keys.DecryptAsync(_scenario.Request(projection, purpose: Purpose.Sms)));

        error.Reason.ShouldBe(AccessDenialReason.NotAssigned);
    }

    [Fact]
    public async Task An_agent_over_the_rate_is_blocked_the_event_is_raised_once_and_only_a_supervisor_of_the_vendor_unblocks()
    {
        // The host allows 3 records per window.
        for (var i = 0; i < 3; i++)
        {
            await Keys.DecryptAsync(_scenario.Request(await _scenario.ProjectionAsync()));
        }

        await Should.ThrowAsync<AccessBlockedException>(async () => await Keys.DecryptAsync(_scenario.Request(await _scenario.ProjectionAsync())));
        await Should.ThrowAsync<AccessBlockedException>(async () => await Keys.DecryptAsync(_scenario.Request(await _scenario.ProjectionAsync())));

        var raised = _host.Events.Published.ShouldHaveSingleItem().ShouldBeOfType<Contracts.Privacy.BulkAccessSuspected>();
        raised.UserId.ShouldBe(_scenario.Agent.UserId);
        raised.VendorId.ShouldBe(_scenario.Vendor);
        raised.IncidentId.ShouldBe(_scenario.Incident);
        raised.RecordCount.ShouldBe(3);
        raised.Window.ShouldBe(TimeSpan.FromMinutes(10));
        (await Keys.IsBlockedAsync(_scenario.Agent.UserId)).ShouldBeTrue();

        await Should.ThrowAsync<AccessDeniedException>(() => Keys.UnblockAsync(_scenario.Agent.UserId, _scenario.AgentActor));
        await Should.ThrowAsync<AccessDeniedException>(() => Keys.UnblockAsync(_scenario.Agent.UserId, _scenario.OtherSupervisor));
        await Should.ThrowAsync<AccessBlockedException>(async () => await Keys.DecryptAsync(_scenario.Request(await _scenario.ProjectionAsync())));

        (await Keys.UnblockAsync(_scenario.Agent.UserId, _scenario.Supervisor)).ShouldBeTrue();

        await Keys.DecryptAsync(_scenario.Request(await _scenario.ProjectionAsync()));
        _host.Events.Published.Count.ShouldBe(1);
        (await _host.Get<AuditLog>().VerifyAsync()).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task An_admin_may_unblock_anyone()
    {
        for (var i = 0; i < 3; i++)
        {
            await Keys.DecryptAsync(_scenario.Request(await _scenario.ProjectionAsync()));
        }

        await Should.ThrowAsync<AccessBlockedException>(async () => await Keys.DecryptAsync(_scenario.Request(await _scenario.ProjectionAsync())));

        (await Keys.UnblockAsync(_scenario.Agent.UserId, new PrivacyActor(Guid.NewGuid(), [PrivacyRoles.Admin]))).ShouldBeTrue();
        (await Keys.IsBlockedAsync(_scenario.Agent.UserId)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_meter_is_shared_by_every_service_instance_and_forgets_after_the_window()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var instance = _host.NewScope();
            await instance.ServiceProvider.GetRequiredService<KeyService>()
                .DecryptAsync(_scenario.Request(await _scenario.ProjectionAsync()));
        }

        _host.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        await Keys.DecryptAsync(_scenario.Request(await _scenario.ProjectionAsync()));
        (await Keys.IsBlockedAsync(_scenario.Agent.UserId)).ShouldBeFalse();
    }

    private async Task<AuditEntry> LastAuditEntry() =>
        await _host.Get<PrivacyDbContext>().AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
}
