using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.CallCentre.Tests;

/// <summary>The whole loop on the real PostgreSQL server (scripts/test.sh): migrations, back-fill paging and blind-index queries.</summary>
public sealed class On_PostgreSql : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private CallCentreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _world = await CallCentreWorld.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = _database.ConnectionString,
        });
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Assign_verify_read_note_and_close_work_on_PostgreSql()
    {
        var vendor = await _world.RegisterVendorAsync();
        var incident = await _world.OpenIncidentAsync();
        await _world.ImportAsync(incident, People.Csv);
        await _world.AssignAsync(incident, vendor, expected: 3);
        var codes = await _world.ReferenceCodesAsync(incident);
        using var agent = await _world.AgentAsync(vendor);

        var caseId = await CallCentreWorld.OpenCaseAsync(agent, incident, codes["ext-1"], People.CanaryDateOfBirth);
        var byThree = await CallCentreWorld.VerifyAsync(agent, new { phone = "+61 491 570 158", dateOfBirth = "1990-06-30", postcode = "4000" });
        var wrong = await CallCentreWorld.VerifyAsync(agent, new { referenceCode = codes["ext-1"], postcode = "4000" });
        var note = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/notes", new { text = "Explained the advice" });
        var view = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/callcentre/cases/{caseId}");
        var close = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/close", new { outcome = "resolved" });
        using var supervisor = await _world.SupervisorAsync(vendor);
        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/callcentre/queue");

        byThree.GetProperty("verified").GetBoolean().ShouldBeTrue();
        wrong.GetProperty("verified").GetBoolean().ShouldBeFalse();
        note.StatusCode.ShouldBe(HttpStatusCode.Created);
        view.GetProperty("person").GetProperty("givenName").GetString().ShouldBe(People.CanaryGivenName);
        view.GetProperty("notes").GetArrayLength().ShouldBe(1);
        close.StatusCode.ShouldBe(HttpStatusCode.OK);
        queue.GetProperty("openCases").GetInt32().ShouldBe(1, "the case found by phone, date of birth and postcode is still open");
        queue.GetProperty("callsToday").GetInt32().ShouldBe(3);
    }
}
