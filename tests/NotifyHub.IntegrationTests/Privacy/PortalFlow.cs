using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Intake.Database;
using NotifyHub.Portal.Database;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.IntegrationTests.Privacy;

/// <summary>
/// The canary on the portal: checks their status with the code from their letter, asks for a callback and stops SMS.
/// Beyond the common search, the portal's tables must hold no contact field at all, not even as ciphertext: no such
/// column, and its projections open to language and data categories only.
/// </summary>
internal static class PortalFlow
{
    private static readonly string[] ContactColumns =
        ["name", "given", "family", "email", "phone", "address", "locality", "region", "postcode", "birth", "country", "external"];

    public static async Task RunAsync(CanaryHost host, Guid incidentId)
    {
        await Eventually.TrueAsync(async () => await InPortalAsync(host, db => db.People.AnyAsync(p => p.IncidentId == incidentId)),
            TimeSpan.FromSeconds(60), "the portal never received the canary");
        var code = await ReferenceCodeAsync(host, incidentId);
        using var visitor = host.CreateClient();

        var status = await visitor.PostAsJsonAsync("/api/v1/portal/status", new { referenceCode = code.ToLowerInvariant(), dateOfBirth = CanaryPerson.DateOfBirth });
        status.StatusCode.ShouldBe(HttpStatusCode.OK, await status.Content.ReadAsStringAsync());
        var body = await status.Content.ReadAsStringAsync();
        foreach (var value in CanaryPerson.Forbidden)
        {
            body.ShouldNotContain(value, Case.Insensitive);
        }

        var token = JsonDocument.Parse(body).RootElement.GetProperty("sessionToken").GetString()!;
        (await SendAsync(visitor, token, "/api/v1/portal/callbacks", new { preferredAt = TimeProvider.System.GetUtcNow().AddDays(1) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await SendAsync(visitor, token, "/api/v1/portal/preferences", new { stopSms = true, language = "fr" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = host.Services.CreateAsyncScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var columns = portal.Model.GetEntityTypes()
            .Where(t => t.ClrType.Assembly == typeof(PortalDbContext).Assembly)
            // Flags (stop email, stop SMS) say what a person chose, not how to reach them.
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType != typeof(bool)).Select(p => $"{t.GetTableName()}.{p.GetColumnName()}"))
            .Where(c => !c.EndsWith("_index", StringComparison.OrdinalIgnoreCase) && !c.EndsWith("Index", StringComparison.Ordinal))
            // The statement's helpline number is the company's, written by the privacy officer, not the person's.
            .Where(c => !c.StartsWith("statements.", StringComparison.Ordinal))
            .ToList();
        columns.Where(c => ContactColumns.Any(f => c.Contains(f, StringComparison.OrdinalIgnoreCase))).ShouldBeEmpty();
        var projections = scope.ServiceProvider.GetRequiredService<ProjectionBuilder>();
        foreach (var person in await portal.People.AsNoTracking().Where(p => p.IncidentId == incidentId).ToListAsync())
        {
            var opened = await projections.OpenAsync(EncryptedField.FromBytes(person.Projection), person.PersonId, Purpose.Portal);
            opened.Fields.Keys.ShouldBe([PersonalField.Language, PersonalField.DataCategories], ignoreOrder: true);
            person.StopSms.ShouldBeTrue();
        }

        var forms = new[] { code, code.Replace("-", "", StringComparison.Ordinal), code.ToLowerInvariant() };
        host.Evidence.LogLines.ShouldNotContain(l => forms.Any(f => l.Contains(f, StringComparison.OrdinalIgnoreCase)));
        host.Evidence.MessageBodies.ShouldNotContain(m => forms.Any(f => m.Contains(f, StringComparison.OrdinalIgnoreCase)));
    }

    internal static async Task<string> ReferenceCodeAsync(CanaryHost host, Guid incidentId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var party = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().AffectedParties.AsNoTracking()
            .SingleAsync(p => p.IncidentId == incidentId);
        var fields = await scope.ServiceProvider.GetRequiredService<FieldCipher>().DecryptRecordAsync(party.Record, party.Id, "affected-party");
        return fields["reference_code"].Reveal();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string token, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Portal", token);
        return client.SendAsync(request);
    }

    private static async Task<T> InPortalAsync<T>(CanaryHost host, Func<PortalDbContext, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
