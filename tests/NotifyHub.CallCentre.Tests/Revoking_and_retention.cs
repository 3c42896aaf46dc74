using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.CallCentre.Database;
using NotifyHub.CallCentre.Retention;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace NotifyHub.CallCentre.Tests;

/// <summary>The canary: no value in clear text anywhere; revocation, unassignment and retention leave nothing readable.</summary>
public sealed class Revoking_and_retention(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private CallCentreWorld World => fixture.World;

    [Fact]
    public async Task No_canary_value_is_in_clear_and_a_copy_taken_before_revocation_decrypts_nothing_after()
    {
        var vendor = await World.RegisterVendorAsync();
        var incident = await World.OpenIncidentAsync();
        await World.ImportAsync(incident, People.Csv);
        await World.AssignAsync(incident, vendor, expected: 3);
        var codes = await World.ReferenceCodesAsync(incident);
        using var agent = await World.AgentAsync(vendor);
        var caseId = await CallCentreWorld.OpenCaseAsync(agent, incident, codes["ext-1"], People.CanaryDateOfBirth);
        (await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/notes", new { text = "Quillonia asked why her letter came twice" })).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/callbacks", new { dueAt = TimeProvider.System.GetUtcNow().AddDays(1), reason = "Quillonia prefers mornings" })).EnsureSuccessStatusCode();
        (await agent.GetAsync(new Uri($"/api/v1/callcentre/cases/{caseId}", UriKind.Relative))).EnsureSuccessStatusCode();

        var stolen = await World.InCallCentreAsync(async db => (
            Records: await db.CallerRecords.AsNoTracking().Where(r => r.VendorId == vendor).ToListAsync(),
            Notes: await db.Notes.AsNoTracking().Where(n => n.VendorId == vendor).ToListAsync(),
            Callbacks: await db.Callbacks.AsNoTracking().Where(c => c.VendorId == vendor).ToListAsync()));
        stolen.Records.Count.ShouldBe(3);
        AssertNoCanaryInDataFiles(World.Factory.DataDirectory, codes["ext-1"]);

        (await World.Admin.PostAsync(new Uri($"/api/v1/vendors/{vendor}/revoke", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () =>
            (await World.InCallCentreAsync(db => db.CallerRecords.CountAsync(r => r.VendorId == vendor))) == 0, CallCentreWorld.Wait);
        await Eventually.TrueAsync(async () =>
        {
            await using var scope = World.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<KeyStore>().IsDestroyedAsync(vendor, KeyKind.Vendor);
        }, CallCentreWorld.Wait);

        // A fresh process over the same data (no key cache): nothing the vendor held opens any more.
        await using var fresh = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:DataDirectory"] = World.Factory.DataDirectory });
        await using var freshScope = fresh.Services.CreateAsyncScope();
        var cipher = freshScope.ServiceProvider.GetRequiredService<FieldCipher>();
        var projections = freshScope.ServiceProvider.GetRequiredService<ProjectionBuilder>();
        foreach (var record in stolen.Records)
        {
            await Should.ThrowAsync<KeyDestroyedException>(async () =>
                await projections.OpenAsync(EncryptedField.FromBytes(record.Projection), record.PersonId, Purpose.CallCentre));
        }

        foreach (var note in stolen.Notes)
        {
            await Should.ThrowAsync<KeyDestroyedException>(async () => await cipher.DecryptAsync(note.Text, note.Id, "callcentre.note"));
        }

        foreach (var callback in stolen.Callbacks)
        {
            await Should.ThrowAsync<KeyDestroyedException>(async () => await cipher.DecryptAsync(callback.Code, callback.Id, "callcentre.callback.code"));
        }

        var assign = await World.Officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/vendors", new { vendorId = vendor });
        assign.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CallCentreWorld.ProblemCodeAsync(assign)).ShouldBe("vendor_revoked");
    }

    [Fact]
    public async Task Unassigning_shreds_the_projections_and_the_case_is_gone_for_the_agent()
    {
        var vendor = await World.RegisterVendorAsync();
        var incident = await World.OpenIncidentAsync();
        await World.ImportAsync(incident, People.Csv);
        await World.AssignAsync(incident, vendor, expected: 3);
        var codes = await World.ReferenceCodesAsync(incident);
        using var agent = await World.AgentAsync(vendor);
        var caseId = await CallCentreWorld.OpenCaseAsync(agent, incident, codes["ext-1"], People.CanaryDateOfBirth);

        var delete = await World.Officer.DeleteAsync(new Uri($"/api/v1/incidents/{incident}/vendors/{vendor}", UriKind.Relative));
        var again = await World.Officer.DeleteAsync(new Uri($"/api/v1/incidents/{incident}/vendors/{vendor}", UriKind.Relative));
        var read = await agent.GetAsync(new Uri($"/api/v1/callcentre/cases/{caseId}", UriKind.Relative));
        var verify = await CallCentreWorld.VerifyAsync(agent, new { referenceCode = codes["ext-1"], dateOfBirth = People.CanaryDateOfBirth });

        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CallCentreWorld.ProblemCodeAsync(again)).ShouldBe("not_assigned");
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        verify.GetProperty("verified").GetBoolean().ShouldBeFalse();
        (await World.InCallCentreAsync(db => db.CallerRecords.CountAsync(r => r.IncidentId == incident))).ShouldBe(0);
        (await World.AssignmentsAsync(incident)).Single().GetProperty("status").GetString().ShouldBe("unassigned");
    }

    [Fact]
    public async Task Closing_the_incident_past_retention_purges_cases_notes_and_callbacks()
    {
        var vendor = await World.RegisterVendorAsync();
        var incident = await World.OpenIncidentAsync();
        await World.ImportAsync(incident, People.Csv);
        await World.AssignAsync(incident, vendor, expected: 3);
        var codes = await World.ReferenceCodesAsync(incident);
        using var agent = await World.AgentAsync(vendor);
        var caseId = await CallCentreWorld.OpenCaseAsync(agent, incident, codes["ext-1"], People.CanaryDateOfBirth);
        (await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/notes", new { text = "Asked about the letter" })).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/callbacks", new { dueAt = TimeProvider.System.GetUtcNow().AddDays(1), reason = "Mornings" })).EnsureSuccessStatusCode();

        (await World.Officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/close", new { retentionDays = 0 })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () =>
            await World.InCallCentreAsync(db => db.Incidents.AnyAsync(i => i.Id == incident && i.RetainUntil != null)), CallCentreWorld.Wait);
        await using var scope = World.Factory.Services.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<RetentionPurge>().PurgeDueAsync(CancellationToken.None);

        purged.ShouldContain(incident);
        var db = scope.ServiceProvider.GetRequiredService<CallCentreDbContext>();
        (await db.Cases.CountAsync(c => c.IncidentId == incident)).ShouldBe(0);
        (await db.Notes.CountAsync(n => n.IncidentId == incident)).ShouldBe(0);
        (await db.Callbacks.CountAsync(c => c.IncidentId == incident)).ShouldBe(0);
        (await db.CallerRecords.CountAsync(r => r.IncidentId == incident)).ShouldBe(0);
        (await agent.GetAsync(new Uri($"/api/v1/callcentre/cases/{caseId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Every file under the data directory (databases, journals, keys, outboxes), read as UTF-8 and UTF-16.</summary>
    private static void AssertNoCanaryInDataFiles(string directory, string referenceCode)
    {
        SqliteConnection.ClearAllPools();
        string[] canaries = [People.CanaryGivenName, People.CanaryFamilyName, People.CanaryEmail, People.CanaryDateOfBirth, referenceCode];
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            foreach (var canary in canaries)
            {
                Contains(bytes, Encoding.UTF8.GetBytes(canary)).ShouldBeFalse($"{canary} in clear in {Path.GetFileName(file)}");
                Contains(bytes, Encoding.Unicode.GetBytes(canary)).ShouldBeFalse($"{canary} in clear (UTF-16) in {Path.GetFileName(file)}");
            }
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
