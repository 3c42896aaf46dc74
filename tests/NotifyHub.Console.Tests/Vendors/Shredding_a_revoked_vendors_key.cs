using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Console.Tests.Support;
using NotifyHub.Privacy;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;

namespace NotifyHub.Console.Tests.Vendors;

/// <summary>
/// The OracleCMS lesson: what a vendor took away must become unreadable the moment it is revoked. A copy of its
/// stored rows taken before revocation (an insider's dump) cannot be decrypted afterwards, by anyone.
/// </summary>
public sealed class Shredding_a_revoked_vendors_key(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Projections_copied_before_revocation_do_not_decrypt_after_it()
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);
        var vendorId = (await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = "Call centre Pty" }))
            .ShouldBeOkJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var personId = Guid.NewGuid();
        var projection = await BuildProjectionAsync(personId, vendorId);
        (await DecryptAsync(personId, projection))["given_name"].Reveal().ShouldBe("Maëlle");
        (await IsDestroyedAsync(vendorId)).ShouldBeFalse();

        (await admin.PostAsync(new Uri($"/api/v1/vendors/{vendorId}/revoke", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.TrueAsync(() => IsDestroyedAsync(vendorId), TimeSpan.FromSeconds(20));
        await Should.ThrowAsync<KeyDestroyedException>(() => DecryptAsync(personId, projection));
        await using var scope = host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<PrivacyDbContext>().AuditEntries
            .Where(e => e.Action == AuditActions.VendorRevoked && e.SubjectId == vendorId).ToListAsync();
        audit.ShouldHaveSingleItem();
        // New keys are never issued to a shredded vendor either.
        await Should.ThrowAsync<KeyDestroyedException>(() => BuildProjectionAsync(Guid.NewGuid(), vendorId));
    }

    private async Task<Projection> BuildProjectionAsync(Guid personId, Guid vendorId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<ProjectionBuilder>();
        return await builder.BuildAsync(personId, Purpose.CallCentre, vendorId, new Dictionary<PersonalField, Sensitive<string>>
        {
            [PersonalField.GivenName] = new("Maëlle"),
            [PersonalField.Language] = new("fr"),
        });
    }

    private async Task<IReadOnlyDictionary<string, Sensitive<string>>> DecryptAsync(Guid personId, Projection projection)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FieldCipher>()
            .DecryptRecordAsync(projection.Ciphertext, personId, "projection:call-centre");
    }

    private async Task<bool> IsDestroyedAsync(Guid vendorId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeyStore>().IsDestroyedAsync(vendorId, KeyKind.Vendor);
    }
}
