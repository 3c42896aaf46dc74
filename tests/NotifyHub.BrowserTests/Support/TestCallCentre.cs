using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.Fields;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.BrowserTests.Support;

/// <summary>
/// A call centre ready for its agents, made through the real API as the people involved would: the admin registers
/// the vendor, a privacy officer opens an incident, imports its people, writes the call script and assigns the vendor.
/// </summary>
public static class TestCallCentre
{
    public const string FamilyName = "Zebrowskaja";
    public const string GivenName = "Quillonia";
    public const string Email = "quillonia.canary@example.com";
    public const string Phone = "+61 491 570 156";
    public const string Postcode = "2000";
    public const string DateOfBirth = "1981-03-14";
    public const string ExternalId = "cc-ext-1";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private const string Csv = "external_id,given_name,family_name,email,phone,postcode,date_of_birth,language,data_categories\n"
        + $"{ExternalId},{GivenName},{FamilyName},{Email},{Phone},{Postcode},{DateOfBirth},en,name;date_of_birth\n"
        + "cc-ext-2,Bartholomew,Okonkwo-Vance,bart.canary@example.com,+61 491 570 157,3000,1975-11-02,fr,name;payment_card\n";

    /// <summary>A vendor the call centre knows (registered through the admin API, so <c>VendorRegistered</c> is published).</summary>
    public static async Task<Guid> RegisterVendorAsync(PagesHost host)
    {
        using var admin = await host.ApiClientAsync(NotifyHubFactory.AdminEmail, NotifyHubFactory.AdminPassword);
        var response = await admin.PostAsJsonAsync("/api/v1/vendors", new { name = $"Calls Ltd {Guid.NewGuid():N}", kind = "call-centre" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>An incident with two people, an English call script, and <paramref name="vendor"/> assigned (back-fill done).</summary>
    public static async Task<(Guid Incident, string ReferenceCode)> IncidentForAsync(PagesHost host, Guid vendor)
    {
        var app = host.App;
        var account = await StaffAccounts.CreateAsync(app, Roles.PrivacyOfficer);
        using var officer = await host.ApiClientAsync(account.Email, account.Password);
        var incident = await TestIncidents.OpenAsync(app, "Call-centre incident");
        await ImportAsync(officer, incident);
        await Eventually.TrueAsync(async () => (await officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/scripts", new
        {
            language = "en",
            title = "Vendor breach helpline",
            body = "Thank the caller and confirm who they are.\n\nExplain what happened and what data was involved.",
        })).StatusCode != HttpStatusCode.NotFound, Wait, "the call centre never heard of the incident");
        var assigned = await officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/vendors", new { vendorId = vendor });
        assigned.StatusCode.ShouldBe(HttpStatusCode.Accepted, await assigned.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(async () =>
        {
            var rows = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/vendors");
            return rows.EnumerateArray().Any(r => r.GetProperty("status").GetString() == "completed" && r.GetProperty("projected").GetInt32() == 2);
        }, Wait, "the back-fill did not complete");
        return (incident, await ReferenceCodeAsync(app, incident));
    }

    public static async Task ImportAsync(HttpClient officer, Guid incident)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv));
        content.Headers.ContentType = new("text/csv");
        var response = await officer.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
        await Eventually.TrueAsync(async () =>
            (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{id}")).GetProperty("status").GetString() == "completed",
            Wait, "the import did not complete");
    }

    /// <summary>The reference code printed on the first person's letter, decrypted as the letter run would.</summary>
    private static async Task<string> ReferenceCodeAsync(NotifyHubFactory app, Guid incident)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        foreach (var party in await db.AffectedParties.AsNoTracking().Where(p => p.IncidentId == incident).ToListAsync())
        {
            var fields = await cipher.DecryptRecordAsync(party.Record, party.Id, "affected-party");
            if (fields["external_id"].Reveal() == ExternalId)
            {
                return fields["reference_code"].Reveal();
            }
        }

        throw new InvalidOperationException("The imported person has no reference code.");
    }
}
