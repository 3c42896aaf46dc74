using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Intake.Database;
using NotifyHub.Portal.Database;
using NotifyHub.Privacy.Fields;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NotifyHub.BrowserTests.Support;

/// <summary>
/// An affected person the portal knows, made through the real API as a privacy officer would: an incident, its import
/// of one person, and the reference code printed on their letter (decrypted as the letter run would).
/// </summary>
public static class TestPortal
{
    public const string DateOfBirth = "1981-03-14";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    public static async Task<(Guid Incident, Guid Person, string ReferenceCode)> PersonAsync(PagesHost host, string language)
    {
        var app = host.App;
        var account = await StaffAccounts.CreateAsync(app, Roles.PrivacyOfficer);
        using var officer = await host.ApiClientAsync(account.Email, account.Password);
        var incident = await TestIncidents.OpenAsync(app, "Loyalty database copied");
        var csv = "external_id,given_name,family_name,email,phone,postcode,date_of_birth,language,data_categories\n"
            + $"portal-1,Quillonia,Zebrowskaja,quillonia.canary@example.com,+61 491 570 156,2000,{DateOfBirth},{language},name;email\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new("text/csv");
        var response = await officer.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var import = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
        await Eventually.TrueAsync(async () =>
            (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{import}")).GetProperty("status").GetString() == "completed",
            Wait, "the import did not complete");

        await using var scope = app.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        var party = await intake.AffectedParties.AsNoTracking().SingleAsync(p => p.IncidentId == incident);
        var code = (await cipher.DecryptRecordAsync(party.Record, party.Id, "affected-party"))["reference_code"].Reveal();
        var person = Guid.Empty;
        await Eventually.TrueAsync(async () =>
        {
            person = await InPortalAsync(host, db => db.People.Where(p => p.IncidentId == incident).Select(p => p.PersonId).FirstOrDefaultAsync());
            return person != Guid.Empty;
        }, Wait, "the portal never received the imported person");
        return (incident, person, code);
    }

    /// <summary>What the call centre publishes when an agent books a callback: the portal keeps the code's hash.</summary>
    public static async Task<string> CallbackCodeAsync(PagesHost host, Guid incident)
    {
        var code = "7KQ2-" + RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTVWXYZ23456789", 4);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal)));
        var callback = Guid.NewGuid();
        await host.App.Services.GetRequiredService<IBus>().Publish(new CallbackRequested(callback, Guid.NewGuid(), incident, Guid.NewGuid(),
            TimeProvider.System.GetUtcNow().AddHours(2), hash));
        await Eventually.TrueAsync(() => InPortalAsync(host, db => db.CallbackCodes.AnyAsync(c => c.CallbackId == callback)), Wait,
            "the callback code never reached the portal");
        return code;
    }

    public static async Task<T> InPortalAsync<T>(PagesHost host, Func<PortalDbContext, Task<T>> read)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
