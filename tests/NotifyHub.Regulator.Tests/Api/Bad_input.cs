using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Tests.Support;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Regulator.Tests.Api;

/// <summary>Bad input gets a specific error and changes nothing.</summary>
public sealed class Bad_input : IAsyncLifetime
{
    private readonly NotifyHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_assessment_for_a_jurisdiction_the_incident_does_not_touch_is_refused()
    {
        var api = await RegulatorApi.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync(["FR"]);

        var elsewhere = await api.Http.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments",
            new { jurisdiction = "JP", harm = "likely", rationale = "Cards exposed.", completedAt = TimeProvider.System.GetUtcNow() });
        var badHarm = await api.Http.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments",
            new { jurisdiction = "FR", harm = "maybe", rationale = "Unsure.", completedAt = TimeProvider.System.GetUtcNow() });
        var future = await api.Http.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments",
            new { jurisdiction = "FR", harm = "likely", rationale = "Cards.", completedAt = TimeProvider.System.GetUtcNow().AddDays(1) });

        elsewhere.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await RegulatorApi.CodeAsync(elsewhere)).ShouldBe("jurisdiction_not_touched");
        (await RegulatorApi.CodeAsync(badHarm)).ShouldBe("invalid_harm");
        (await RegulatorApi.CodeAsync(future)).ShouldBe("completed_in_future");
        await using var scope = _factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<RegulatorDbContext>().RiskAssessments.CountAsync(a => a.IncidentId == incident)).ShouldBe(0);
        (await api.ObligationsAsync(incident)).Single(o => o.Kind == "individual-notice").Status.ShouldBe("needs-assessment");
    }

    [Fact]
    public async Task A_member_states_country_code_records_the_assessment_for_its_authority()
    {
        var api = await RegulatorApi.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync(["FR"]);

        var response = await api.Http.PostAsJsonAsync($"/api/v1/incidents/{incident}/assessments",
            new { jurisdiction = "FR", harm = "likely", rationale = "Card numbers with expiry dates.", completedAt = TimeProvider.System.GetUtcNow() });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await api.ObligationsAsync(incident)).Single(o => o.Jurisdiction == "EU-FR" && o.Kind == "individual-notice").Status.ShouldBe("due");
    }

    [Fact]
    public async Task A_filing_without_a_date_or_in_the_future_is_refused_and_a_good_one_is_recorded_once_and_audited()
    {
        var api = await RegulatorApi.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync(["FR"]);
        var notice = (await api.ObligationsAsync(incident)).Single(o => o.Kind == "regulator-notice");

        var noDate = await api.Http.PostAsJsonAsync($"/api/v1/obligations/{notice.Id}/filings", new { reference = "CNIL-1" });
        var future = await api.Http.PostAsJsonAsync($"/api/v1/obligations/{notice.Id}/filings", new { filedAt = TimeProvider.System.GetUtcNow().AddHours(2), reference = "CNIL-1" });
        var noReference = await api.Http.PostAsJsonAsync($"/api/v1/obligations/{notice.Id}/filings", new { filedAt = TimeProvider.System.GetUtcNow() });
        var unknown = await api.Http.PostAsJsonAsync($"/api/v1/obligations/{Guid.NewGuid()}/filings", new { filedAt = TimeProvider.System.GetUtcNow(), reference = "X" });
        var statusAfterRefusals = (await api.ObligationsAsync(incident)).Single(o => o.Id == notice.Id).Status;
        var good = await api.Http.PostAsJsonAsync($"/api/v1/obligations/{notice.Id}/filings", new { filedAt = TimeProvider.System.GetUtcNow().AddMinutes(-5), reference = "CNIL-2026-0042" });
        var twice = await api.Http.PostAsJsonAsync($"/api/v1/obligations/{notice.Id}/filings", new { filedAt = TimeProvider.System.GetUtcNow(), reference = "CNIL-2026-0042" });

        noDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RegulatorApi.CodeAsync(noDate)).ShouldBe("filed_at_required");
        (await RegulatorApi.CodeAsync(future)).ShouldBe("filed_in_future");
        (await RegulatorApi.CodeAsync(noReference)).ShouldBe("invalid_reference");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        statusAfterRefusals.ShouldBe("due");
        good.StatusCode.ShouldBe(HttpStatusCode.Created, await good.Content.ReadAsStringAsync());
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.ObligationsAsync(incident)).Single(o => o.Id == notice.Id).Status.ShouldBe("filed");
        await using var scope = _factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<RegulatorDbContext>().Filings.CountAsync(f => f.IncidentId == incident)).ShouldBe(1);
        var audit = scope.ServiceProvider.GetRequiredService<NotifyHub.Privacy.PrivacyDbContext>();
        (await audit.AuditEntries.CountAsync(e => e.Action == RegulatorAuditActions.ReportFiled && e.SubjectId == incident)).ShouldBe(1);
    }

    [Fact]
    public async Task Awareness_after_determination_is_refused_when_opening_and_when_patching()
    {
        var api = await RegulatorApi.CreateAsync(_factory);
        var now = TimeProvider.System.GetUtcNow();
        var open = await api.Http.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "T", summary = "S", discoveredAt = now.AddDays(-3), awareAt = now.AddDays(-1), determinedAt = now.AddDays(-2),
            cause = "vendor", dataCategories = new[] { "name" }, jurisdictions = new[] { "US-TX" },
        });
        var incident = await api.OpenIncidentAsync(["US-TX"], awareAt: now.AddDays(-3), determinedAt: now.AddDays(-2));
        var patch = await api.Http.PatchAsJsonAsync($"/api/v1/incidents/{incident}", new { awareAt = now.AddDays(-1) });

        open.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await open.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("awareAt", out _).ShouldBeTrue();
        patch.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RegulatorApi.CodeAsync(patch)).ShouldBe("clock_order");
        var stored = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}");
        stored.GetProperty("awareAt").GetDateTimeOffset().ShouldBe(now.AddDays(-3), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_new_determination_time_moves_the_deadlines_that_run_from_it()
    {
        var api = await RegulatorApi.CreateAsync(_factory);
        var now = TimeProvider.System.GetUtcNow();
        var incident = await api.OpenIncidentAsync(["US-TX"], awareAt: now.AddDays(-3), determinedAt: now.AddDays(-2));
        var before = (await api.ObligationsAsync(incident)).Single(o => o.Kind == "individual-notice");

        var patch = await api.Http.PatchAsJsonAsync($"/api/v1/incidents/{incident}", new { determinedAt = now.AddDays(-1) });

        patch.StatusCode.ShouldBe(HttpStatusCode.OK, await patch.Content.ReadAsStringAsync());
        var after = await api.WaitForAsync(incident, o => o.Kind == "individual-notice", o => o.DueAt != before.DueAt, "the new clock never arrived");
        (after.DueAt!.Value - before.DueAt!.Value).ShouldBe(TimeSpan.FromDays(1), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_rule_file_with_a_missing_field_stops_the_host_with_one_line_naming_the_file_and_the_field()
    {
        var rules = Directory.CreateTempSubdirectory("notifyhub-rules-");
        try
        {
            foreach (var file in Directory.GetFiles(NotifyHub.Regulator.Rules.RuleBook.DefaultDirectory))
            {
                File.Copy(file, Path.Combine(rules.FullName, Path.GetFileName(file)));
            }

            var texas = Path.Combine(rules.FullName, "us-tx.yaml");
            File.WriteAllText(texas, File.ReadAllText(texas).Replace("    source: Tex. Bus. & Com. Code §521.053(b)\n", "", StringComparison.Ordinal));
            const string line = "NotifyHub:Regulator: Rule file us-tx.yaml: field 'obligations[0].source' is missing.";

            // What the host's start-up check throws, and the one line the host prints for it.
            var check = Should.Throw<StartupCheckException>(() => NotifyHub.Regulator.Rules.RuleBookCheck.Load(
                Microsoft.Extensions.Options.Options.Create(new RegulatorOptions { RulesDirectory = rules.FullName })));
            check.Message.ShouldBe(line);
            NotifyHub.Host.StartupFailure.Describe(check).ShouldBe(line);

            // And a host started on that folder stops (it prints the line above and disposes itself).
            await using var factory = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:Regulator:RulesDirectory"] = rules.FullName });
            Should.Throw<Exception>(() => factory.CreateClient());
        }
        finally
        {
            rules.Delete(recursive: true);
        }
    }
}
