using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Intake.Tests;

/// <summary>Closing an incident sets its retention; <c>notifyhub incidents purge</c> then shreds it for good.</summary>
public sealed class Closing_and_purging : IAsyncLifetime
{
    private readonly NotifyHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Closing_sets_retention_from_the_request_or_the_default_and_stops_imports()
    {
        var api = await IntakeClient.CreateAsync(_factory);
        var withDays = await api.OpenIncidentAsync();
        var withDefault = await api.OpenIncidentAsync();

        var closed = await (await api.Http.PostAsJsonAsync($"/api/v1/incidents/{withDays}/close", new { retentionDays = 30 })).Content.ReadFromJsonAsync<JsonElement>();
        var defaulted = await api.Http.PostAsync(new Uri($"/api/v1/incidents/{withDefault}/close", UriKind.Relative), null);
        var twice = await api.Http.PostAsJsonAsync($"/api/v1/incidents/{withDays}/close", new { retentionDays = 1 });
        var import = await api.PostAsync(withDays, "external_id,given_name,email\n1,Ann,ann@example.com\n"u8.ToArray());

        (closed.GetProperty("retainUntil").GetDateTimeOffset() - closed.GetProperty("closedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromDays(30));
        var body = await defaulted.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("retainUntil").GetDateTimeOffset() - body.GetProperty("closedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromDays(365));
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        import.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{withDays}")).GetProperty("status").GetString().ShouldBe("closed");
    }

    [Fact]
    public async Task Purge_shreds_expired_incidents_so_their_stored_ciphertexts_can_never_be_decrypted()
    {
        var api = await IntakeClient.CreateAsync(_factory);
        var expired = await api.OpenIncidentAsync();
        var kept = await api.OpenIncidentAsync();
        await api.ImportCsvAsync(expired, "external_id,given_name,email\n1,Ann,ann@example.com\n2,Bob,bob@example.com\n");
        await api.ImportCsvAsync(kept, "external_id,given_name,email\n1,Cy,cy@example.com\n");
        var stolen = (await api.PeopleAsync(expired)).Select(p => p.Row).ToList();
        (await api.Http.PostAsJsonAsync($"/api/v1/incidents/{expired}/close", new { retentionDays = 0 })).EnsureSuccessStatusCode();
        (await api.Http.PostAsJsonAsync($"/api/v1/incidents/{kept}/close", new { retentionDays = 30 })).EnsureSuccessStatusCode();

        var dryRun = await NotifyHubCli.RunAsync(_factory.DataDirectory, null, "incidents", "purge", "--dry-run");
        var purge = await NotifyHubCli.RunAsync(_factory.DataDirectory, null, "incidents", "purge");
        var again = await NotifyHubCli.RunAsync(_factory.DataDirectory, null, "incidents", "purge");

        dryRun.ExitCode.ShouldBe(0, dryRun.Error);
        dryRun.Output.ShouldContain($"would purge {expired}");
        dryRun.Output.ShouldContain("1 incident(s) would purge, 2 people.");
        purge.ExitCode.ShouldBe(0, purge.Error);
        purge.Output.ShouldContain($"purged {expired}");
        purge.Output.ShouldNotContain(kept.ToString());
        purge.Output.ShouldContain("1 incident(s) purged, 2 people.");
        again.Output.ShouldContain("0 incident(s) purged, 0 people.");

        // A fresh process (no key cache) over the same data: rows gone, and the copies taken before cannot be read.
        await using var fresh = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:DataDirectory"] = _factory.DataDirectory });
        await using var scope = fresh.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        (await db.AffectedParties.CountAsync(p => p.IncidentId == expired)).ShouldBe(0);
        (await db.AffectedParties.CountAsync(p => p.IncidentId == kept)).ShouldBe(1);
        (await db.Incidents.SingleAsync(i => i.Id == expired)).PurgedAt.ShouldNotBeNull();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        foreach (var row in stolen)
        {
            await Should.ThrowAsync<KeyDestroyedException>(async () => await cipher.DecryptRecordAsync(row.Record, row.Id, PartyEncoder.RecordName));
        }
    }
}
