using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Testing;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Intake.Tests;

/// <summary>
/// <c>GET .../imports/{id}</c> while an import runs: rows per second, the share of the file done and the time left,
/// from the import's committed batches and the clock; null before the first batch commits and once it has ended.
/// The import is a running row with its progress fed by hand, on a fake clock, so the figures are exact.
/// </summary>
public sealed class Import_progress : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private readonly NotifyHubFactory _factory;

    public Import_progress() =>
        _factory = new NotifyHubFactory(services: s => s.AddSingleton(new ImportProgress(_clock)));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_running_import_reports_its_pace_and_time_left_from_its_committed_batches()
    {
        var api = await IntakeClient.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync();
        var import = await RunningImportAsync(incident);
        var progress = _factory.Services.GetRequiredService<ImportProgress>();

        progress.Start(import, totalBytes: 10_000);
        _clock.Advance(TimeSpan.FromSeconds(4));
        var measuring = await StatusAsync(api, incident, import);
        progress.Committed(import, rows: 500, bytesThrough: 2_500);
        _clock.Advance(TimeSpan.FromSeconds(6));
        var running = await StatusAsync(api, incident, import);

        measuring.GetProperty("rowsPerSecond").ValueKind.ShouldBe(JsonValueKind.Null, "no batch committed yet");
        measuring.GetProperty("secondsLeft").ValueKind.ShouldBe(JsonValueKind.Null);
        running.GetProperty("rowsPerSecond").GetDouble().ShouldBe(50, "500 rows in 10 s");
        running.GetProperty("fractionDone").GetDouble().ShouldBe(0.25, "2,500 of 10,000 bytes");
        running.GetProperty("secondsLeft").GetDouble().ShouldBe(30, "7,500 bytes left at 250 bytes/s");
        var listed = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports");
        listed.GetProperty("items")[0].GetProperty("rowsPerSecond").GetDouble().ShouldBe(50);
    }

    [Fact]
    public async Task A_finished_import_has_no_pace()
    {
        var api = await IntakeClient.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync();

        var finished = await api.ImportCsvAsync(incident, "external_id,given_name,email\n1,Ann,ann@example.com\n");
        var status = await StatusAsync(api, incident, finished.Id);

        status.GetProperty("status").GetString().ShouldBe("completed");
        status.GetProperty("rowsPerSecond").ValueKind.ShouldBe(JsonValueKind.Null);
        status.GetProperty("fractionDone").ValueKind.ShouldBe(JsonValueKind.Null);
        status.GetProperty("secondsLeft").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void A_resumed_import_measures_its_pace_from_where_it_resumed()
    {
        var progress = new ImportProgress(_clock);
        var import = Guid.NewGuid();

        progress.Start(import, totalBytes: 10_000);
        progress.Skipped(import, bytes: 5_000);
        progress.Committed(import, rows: 100, bytesThrough: 6_000);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var pace = progress.Of(import)!;
        progress.Finish(import);

        pace.RowsPerSecond.ShouldBe(10);
        pace.FractionDone.ShouldBe(0.6);
        pace.SecondsLeft.ShouldBe(40, "4,000 bytes left at the 100 bytes/s of this run, not counting the skipped 5,000");
        progress.Of(import).ShouldBeNull();
    }

    private static async Task<JsonElement> StatusAsync(IntakeClient api, Guid incident, Guid import) =>
        await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{import}");

    private async Task<Guid> RunningImportAsync(Guid incident)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var import = new ImportJob
        {
            Id = Guid.CreateVersion7(), IncidentId = incident, Format = "csv", Encoding = "utf-8", CreatedBy = "tests",
            StartedAt = TimeProvider.System.GetUtcNow(),
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync();
        return import.Id;
    }
}
