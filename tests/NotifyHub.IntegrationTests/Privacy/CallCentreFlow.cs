using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.CallCentre.Assignments;
using NotifyHub.CallCentre.Callbacks;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.IntegrationTests.Privacy;

/// <summary>
/// The canary on the phone: the vendor is assigned through the API, an agent verifies the canary by code and date of
/// birth, reads the case, writes the canary's names into a note, a callback reason and an escalation, asks for a
/// resend and closes. Returns the check to run after the vendor is revoked: a copy of the vendor's rows taken now
/// decrypts nothing then, even in a fresh process.
/// </summary>
internal static class CallCentreFlow
{
    public static async Task<Func<Task>> RunAsync(CanaryHost host, HttpClient officer, Guid incidentId, Guid vendorId)
    {
        (await officer.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/vendors", new { vendorId })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incidentId}/vendors"))
            .EnumerateArray().Any(a => a.GetProperty("vendorId").GetGuid() == vendorId && a.GetProperty("status").GetString() == "completed"),
            TimeSpan.FromSeconds(90), "the vendor's projections never arrived");

        using var agent = await StaffAccounts.ClientForAsync(host, Roles.Agent, vendorId);
        var verify = await agent.PostAsJsonAsync("/api/v1/callcentre/verifications", new
        {
            incidentId, referenceCode = await PortalFlow.ReferenceCodeAsync(host, incidentId), dateOfBirth = CanaryPerson.DateOfBirth,
        });
        var verified = await verify.Content.ReadFromJsonAsync<JsonElement>();
        verified.GetProperty("verified").GetBoolean().ShouldBeTrue(verified.ToString());
        var caseId = verified.GetProperty("caseId").GetGuid();
        var view = await agent.GetStringAsync(new Uri($"/api/v1/callcentre/cases/{caseId}", UriKind.Relative));
        view.ShouldContain(CanaryPerson.GivenName, customMessage: "the agent sees the minimised record");
        view.ShouldNotContain(CanaryPerson.DateOfBirth, customMessage: "a factor is checked, never shown");

        await PostAsync(agent, $"/api/v1/callcentre/cases/{caseId}/notes", new { text = $"{CanaryPerson.GivenName} asked why the letter came twice" });
        await PostAsync(agent, $"/api/v1/callcentre/cases/{caseId}/callbacks",
            new { dueAt = TimeProvider.System.GetUtcNow().AddDays(1), reason = $"{CanaryPerson.FamilyName} prefers mornings" });
        await PostAsync(agent, $"/api/v1/callcentre/cases/{caseId}/resend", new { channel = "letter" });
        await PostAsync(agent, $"/api/v1/callcentre/cases/{caseId}/escalate", new { reason = $"{CanaryPerson.GivenName} disputes the dates" });
        await PostAsync(agent, $"/api/v1/callcentre/cases/{caseId}/close", new { outcome = "escalated" });

        var copy = await CopyVendorRowsAsync(host, vendorId);
        copy.Records.ShouldNotBeEmpty();
        copy.Notes.ShouldNotBeEmpty();
        copy.Callbacks.ShouldNotBeEmpty();
        return () => NothingOpensAsync(host, vendorId, copy);
    }

    private static async Task PostAsync(HttpClient agent, string path, object body)
    {
        var response = await agent.PostAsJsonAsync(path, body);
        response.IsSuccessStatusCode.ShouldBeTrue($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<VendorCopy> CopyVendorRowsAsync(CanaryHost host, Guid vendorId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CallCentreDbContext>();
        return new VendorCopy(
            await db.CallerRecords.AsNoTracking().Where(r => r.VendorId == vendorId).ToListAsync(),
            await db.Notes.AsNoTracking().Where(n => n.VendorId == vendorId).ToListAsync(),
            await db.Callbacks.AsNoTracking().Where(c => c.VendorId == vendorId).ToListAsync());
    }

    private static async Task NothingOpensAsync(CanaryHost host, Guid vendorId, VendorCopy copy)
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<KeyStore>().IsDestroyedAsync(vendorId, KeyKind.Vendor);
        }, TimeSpan.FromSeconds(60), "the vendor's key was never destroyed");

        await using var check = host.Services.CreateAsyncScope();
        var cipher = check.ServiceProvider.GetRequiredService<FieldCipher>();
        var projections = check.ServiceProvider.GetRequiredService<ProjectionBuilder>();
        foreach (var record in copy.Records)
        {
            await Should.ThrowAsync<KeyDestroyedException>(async () =>
                await projections.OpenAsync(EncryptedField.FromBytes(record.Projection), record.PersonId, Purpose.CallCentre));
        }

        foreach (var note in copy.Notes)
        {
            await Should.ThrowAsync<KeyDestroyedException>(async () => await cipher.DecryptAsync(note.Text, note.Id, CaseNote.FieldName));
        }

        foreach (var callback in copy.Callbacks)
        {
            await Should.ThrowAsync<KeyDestroyedException>(async () => await cipher.DecryptAsync(callback.Reason, callback.Id, Callback.ReasonField));
            await Should.ThrowAsync<KeyDestroyedException>(async () => await cipher.DecryptAsync(callback.Code, callback.Id, Callback.CodeField));
        }
    }

    private sealed record VendorCopy(List<CallerRecord> Records, List<CaseNote> Notes, List<Callback> Callbacks);
}
