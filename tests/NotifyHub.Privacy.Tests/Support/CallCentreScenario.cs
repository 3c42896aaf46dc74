using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Tests.Support;

/// <summary>An incident, a call-centre vendor assigned to it, its staff, and another vendor.</summary>
internal sealed class CallCentreScenario(PrivacyTestHost host)
{
    public Guid Incident { get; } = Guid.NewGuid();

    public Guid Vendor { get; } = Guid.NewGuid();

    public Guid OtherVendor { get; } = Guid.NewGuid();

    public PrivacyActor Agent { get; } = new(Guid.NewGuid(), [PrivacyRoles.Agent], null);

    public PrivacyActor Officer { get; } = new(Guid.NewGuid(), [PrivacyRoles.PrivacyOfficer]);

    public PrivacyActor Supervisor => new(Guid.NewGuid(), [PrivacyRoles.Supervisor], Vendor);

    public PrivacyActor OtherSupervisor => new(Guid.NewGuid(), [PrivacyRoles.Supervisor], OtherVendor);

    public PrivacyActor AgentActor => Agent with { VendorId = Vendor };

    public async Task AssignAsync() =>
        await host.Get<VendorAssignments>().AssignAsync(Vendor, Incident, Purpose.CallCentre, Officer);

    public async Task<Projection> ProjectionAsync(Guid? record = null, Guid? vendor = null) =>
        await host.Get<ProjectionBuilder>().BuildAsync(
            record ?? Guid.NewGuid(), Purpose.CallCentre, vendor ?? Vendor, TestPeople.Canary());

    public AccessRequest Request(Projection projection, PrivacyActor? user = null, Purpose purpose = Purpose.CallCentre)
    {
        var actor = user ?? AgentActor;
        return new AccessRequest(actor.UserId, actor.Roles, actor.VendorId, Incident, projection.RecordId, purpose, projection.Ciphertext);
    }
}
