using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Console.Database;
using NotifyHub.Privacy.Audit;
using NotifyHub.Testing;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Intake.Tests;

/// <summary>Every privileged intake action leaves exactly one audit entry, naming who did it, with ids and counts only.</summary>
public sealed class Audit_trail : IAsyncLifetime
{
    private readonly NotifyHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Opening_importing_downloading_errors_closing_and_purging_each_leave_one_entry()
    {
        var api = await IntakeClient.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync();
        var import = await api.ImportCsvAsync(incident, "external_id,given_name,email\n1,Ann,ann@example.com\n,Bob,bob@example.com\n");
        await api.ErrorsAsync(import);
        (await api.Http.PostAsJsonAsync($"/api/v1/incidents/{incident}/close", new { retentionDays = 0 })).EnsureSuccessStatusCode();
        var purge = await NotifyHubCli.RunAsync(_factory.DataDirectory, null, "incidents", "purge");
        purge.ExitCode.ShouldBe(0, purge.Error);

        var opened = (await AuditTrail.OfAsync(_factory.Services, "incident.open", incident)).ShouldHaveSingleItem();
        // The signed-in staff member who made the calls: a real account, named by id only.
        var actor = opened.ActorUserId.ShouldNotBeNull();
        (await IsStaffAsync(actor)).ShouldBeTrue();
        Detail(opened, "jurisdictions").ShouldBe("JP,FR");

        var started = (await AuditTrail.OfAsync(_factory.Services, "import.start", import.Id)).ShouldHaveSingleItem();
        started.ActorUserId.ShouldBe(actor);
        Detail(started, "incident_id").ShouldBe(incident.ToString());

        var finished = (await AuditTrail.OfAsync(_factory.Services, "import.finish", import.Id)).ShouldHaveSingleItem();
        finished.ActorUserId.ShouldBe(actor);
        (Detail(finished, "rows_read"), Detail(finished, "accepted"), Detail(finished, "rejected")).ShouldBe(("2", "1", "1"));

        var downloaded = (await AuditTrail.OfAsync(_factory.Services, "import.errors_download", import.Id)).ShouldHaveSingleItem();
        downloaded.ActorUserId.ShouldBe(actor);
        downloaded.Outcome.ShouldBe(AuditOutcomes.Granted);

        var closed = (await AuditTrail.OfAsync(_factory.Services, "incident.close", incident)).ShouldHaveSingleItem();
        closed.ActorUserId.ShouldBe(actor);
        Detail(closed, "retention_days").ShouldBe("0");

        // The purge ran at the command line: no made-up user id, the operating-system user instead.
        var shredded = (await AuditTrail.OfAsync(_factory.Services, AuditActions.IncidentShredded, incident)).ShouldHaveSingleItem();
        shredded.ActorUserId.ShouldBeNull();
        Detail(shredded, "os_user").ShouldBe(Environment.UserName);
        Detail(shredded, "cli_verb").ShouldBe("incidents purge");
        Detail(shredded, "people_deleted").ShouldBe("1");

        var entries = await AuditTrail.EntriesAsync(_factory.Services);
        entries.ShouldAllBe(e => e.Details == null || !e.Details.Contains("ann@example.com", StringComparison.OrdinalIgnoreCase));
        var chain = await AuditTrail.VerifyAsync(_factory.Services);
        chain.IsValid.ShouldBeTrue(chain.Message);
    }

    [Fact]
    public async Task A_purge_with_nothing_due_still_records_the_verb_and_its_operator()
    {
        _ = _factory.Services;

        var purge = await NotifyHubCli.RunAsync(_factory.DataDirectory, null, "incidents", "purge", "--dry-run");

        purge.ExitCode.ShouldBe(0, purge.Error);
        var run = (await AuditTrail.EntriesAsync(_factory.Services)).Where(e => e.Action == "cli.incidents_purge").ShouldHaveSingleItem();
        Detail(run, "os_user").ShouldBe(Environment.UserName);
        Detail(run, "dry_run").ShouldBe("true");
        Detail(run, "incidents").ShouldBe("0");
    }

    private async Task<bool> IsStaffAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsoleDbContext>().Users.AnyAsync(u => u.Id == id);
    }

    private static string Detail(AuditEntry entry, string key) =>
        JsonDocument.Parse(entry.Details ?? "{}").RootElement.TryGetProperty(key, out var value) ? value.GetString()! : "";
}
