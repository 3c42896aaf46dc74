using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Privacy.Tests.Support;

namespace NotifyHub.Privacy.Tests.Access;

public sealed class VendorRevocationTests : IAsyncLifetime
{
    private PrivacyTestHost _host = null!;
    private CallCentreScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _host = await PrivacyTestHost.StartAsync();
        _scenario = new CallCentreScenario(_host);
        await _scenario.AssignAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_copy_taken_before_revocation_cannot_be_decrypted_by_anyone_afterwards()
    {
        var projection = await _scenario.ProjectionAsync();
        await _host.Get<KeyService>().DecryptAsync(_scenario.Request(projection));
        var stolenCopy = projection.Ciphertext.ToArray();

        await _host.Get<VendorRevocation>().RevokeAsync(_scenario.Vendor, _scenario.Officer);

        // Through the key service: the vendor is no longer assigned.
        await Should.ThrowAsync<AccessDeniedException>(() => _host.Get<KeyService>().DecryptAsync(_scenario.Request(projection)));
        // Straight to the cipher in this process, whose cache held the key a moment ago.
        var copy = EncryptedField.FromBytes(stolenCopy);
        await Should.ThrowAsync<KeyDestroyedException>(
            () => _host.Get<FieldCipher>().DecryptRecordAsync(copy, projection.RecordId, "projection:call-centre").AsTask());
        // Straight to a fresh cipher that shares nothing in memory, with the root key at hand.
        var (strangerKeys, _) = _host.Stranger();
        await Should.ThrowAsync<KeyDestroyedException>(
            () => new FieldCipher(strangerKeys).DecryptRecordAsync(copy, projection.RecordId, "projection:call-centre").AsTask());
    }

    [Fact]
    public async Task Revocation_removes_assignments_is_audited_and_is_for_good()
    {
        await _host.Get<VendorRevocation>().RevokeAsync(_scenario.Vendor, _scenario.Officer);

        (await _host.Get<VendorAssignments>().IsAssignedAsync(_scenario.Vendor, _scenario.Incident, Purpose.CallCentre)).ShouldBeFalse();
        await Should.ThrowAsync<KeyDestroyedException>(() => _scenario.AssignAsync());
        await Should.ThrowAsync<KeyDestroyedException>(() => _scenario.ProjectionAsync());
        var audit = await _host.Get<AuditLog>().ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 0, 100);
        audit.ShouldContain(e => e.Action == AuditActions.VendorRevoked && e.SubjectId == _scenario.Vendor);
    }

    [Fact]
    public async Task Other_vendors_are_untouched()
    {
        var other = await _scenario.ProjectionAsync(vendor: _scenario.OtherVendor);

        await _host.Get<VendorRevocation>().RevokeAsync(_scenario.Vendor, _scenario.Officer);

        var fields = await _host.Get<FieldCipher>().DecryptRecordAsync(other.Ciphertext, other.RecordId, "projection:call-centre");
        fields["given_name"].Reveal().ShouldBe("Zebedee");
    }
}
