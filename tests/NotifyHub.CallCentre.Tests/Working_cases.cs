using Microsoft.EntityFrameworkCore;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.CallCentre.Tests;

/// <summary>The case view (one metered read), notes, callbacks, resends, escalations, closing and scripts.</summary>
public sealed class Working_cases(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private CallCentreWorld World => fixture.World;

    private async Task<(Guid Incident, Guid Vendor, HttpClient Agent, Guid Case)> CaseAsync(string person = "ext-1", string dob = "1981-03-14")
    {
        var vendor = await World.RegisterVendorAsync();
        var incident = await World.OpenIncidentAsync();
        await World.ImportAsync(incident, People.Csv);
        await World.AssignAsync(incident, vendor, expected: 3);
        var codes = await World.ReferenceCodesAsync(incident);
        var agent = await World.AgentAsync(vendor);
        return (incident, vendor, agent, await CallCentreWorld.OpenCaseAsync(agent, incident, codes[person], dob));
    }

    [Fact]
    public async Task The_case_shows_only_the_call_centre_fields_and_the_work_done_on_it()
    {
        var (incident, _, agent, caseId) = await CaseAsync("ext-2", "1975-11-02");
        (await World.Officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/scripts", new { language = "en", title = "Opening", body = "Thank you for calling." })).EnsureSuccessStatusCode();
        var fr1 = await World.Officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/scripts", new { language = "fr", title = "Accueil", body = "Merci v1" });
        var fr2 = await World.Officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/scripts", new { language = "fr", title = "Accueil", body = "Merci v2" });

        var note = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/notes", new { text = "Caller worried about the card category; explained the advice." });
        var callback = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/callbacks", new { dueAt = TimeProvider.System.GetUtcNow().AddHours(2), reason = "Wants to talk to a supervisor" });
        var resend = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/resend", new { channel = "email" });
        var view = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/callcentre/cases/{caseId}");

        fr1.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await fr2.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(2);
        note.StatusCode.ShouldBe(HttpStatusCode.Created);
        callback.StatusCode.ShouldBe(HttpStatusCode.Created);
        resend.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = (await callback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callbackCode").GetString();
        code!.ShouldMatch("^[0-9A-Z]{4}-[0-9A-Z]{4}$");

        view.GetProperty("incidentId").GetGuid().ShouldBe(incident);
        view.GetProperty("status").GetString().ShouldBe("open");
        var person = view.GetProperty("person");
        person.GetProperty("givenName").GetString().ShouldBe("Bartholomew");
        person.GetProperty("language").GetString().ShouldBe("fr");
        person.GetProperty("dataCategories").EnumerateArray().Select(c => c.GetString()).ShouldBe(["name", "payment_card"]);
        person.EnumerateObject().Select(p => p.Name).ShouldBe(["givenName", "language", "dataCategories"]);
        view.GetRawText().ShouldNotContain("Okonkwo");
        view.GetRawText().ShouldNotContain("1975-11-02");
        view.GetProperty("notes").EnumerateArray().Single().GetProperty("text").GetString().ShouldStartWith("Caller worried");
        view.GetProperty("callbacks").EnumerateArray().Single().GetProperty("callbackCode").GetString().ShouldBe(code);
        view.GetProperty("script").GetProperty("body").GetString().ShouldBe("Merci v2");
    }

    [Fact]
    public async Task A_caller_without_a_script_in_their_language_gets_the_default_one()
    {
        var (incident, _, agent, caseId) = await CaseAsync("ext-2", "1975-11-02");
        await World.Officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/scripts", new { language = "ja", title = "Default", body = "First script" });
        await World.Officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/scripts", new { language = "en", title = "English", body = "Second" });

        var view = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/callcentre/cases/{caseId}");

        view.GetProperty("script").GetProperty("language").GetString().ShouldBe("ja");
    }

    [Fact]
    public async Task Bad_input_on_a_case_is_refused_with_a_specific_code_and_changes_nothing()
    {
        var (_, _, agent, caseId) = await CaseAsync();
        var requests = new (string Path, object Body, HttpStatusCode Status, string Code)[]
        {
            ("notes", new { text = "   " }, HttpStatusCode.BadRequest, "note_empty"),
            ("notes", new { text = new string('x', 100 * 1024) }, HttpStatusCode.BadRequest, "note_too_long"),
            ("notes", new { text = "Caller gave email quillonia.canary@example.com" }, HttpStatusCode.UnprocessableEntity, "personal_data_in_note"),
            ("notes", new { text = "Call back on +61 491 570 156" }, HttpStatusCode.UnprocessableEntity, "personal_data_in_note"),
            ("notes", new { text = "Born 14/03/1981" }, HttpStatusCode.UnprocessableEntity, "personal_data_in_note"),
            ("notes", new { text = "Card 4111 1111 1111 1111" }, HttpStatusCode.UnprocessableEntity, "personal_data_in_note"),
            ("callbacks", new { dueAt = TimeProvider.System.GetUtcNow().AddMinutes(-5), reason = "later" }, HttpStatusCode.BadRequest, "callback_in_past"),
            ("callbacks", new { reason = "later" }, HttpStatusCode.BadRequest, "due_at_required"),
            ("resend", new { channel = "fax" }, HttpStatusCode.BadRequest, "invalid_channel"),
            ("escalate", new { reason = "" }, HttpStatusCode.BadRequest, "reason_empty"),
            ("close", new { outcome = "whatever" }, HttpStatusCode.BadRequest, "invalid_outcome"),
        };
        foreach (var (path, body, status, code) in requests)
        {
            var response = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/{path}", body);
            response.StatusCode.ShouldBe(status, $"{path}: {await response.Content.ReadAsStringAsync()}");
            (await CallCentreWorld.ProblemCodeAsync(response)).ShouldBe(code);
        }

        var malformedDate = await agent.PostAsync(new Uri($"/api/v1/callcentre/cases/{caseId}/callbacks", UriKind.Relative),
            JsonContent.Create(new { dueAt = "tomorrow", reason = "later" }));
        malformedDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await World.InCallCentreAsync(db => db.Notes.CountAsync(n => n.CaseId == caseId))).ShouldBe(0);
        (await World.InCallCentreAsync(db => db.Callbacks.CountAsync(n => n.CaseId == caseId))).ShouldBe(0);
        (await World.InCallCentreAsync(db => db.Escalations.CountAsync(n => n.CaseId == caseId))).ShouldBe(0);
        (await World.InCallCentreAsync(db => db.Cases.SingleAsync(c => c.Id == caseId))).Status.ShouldBe(NotifyHub.CallCentre.Cases.CaseStatus.Open);
    }

    [Fact]
    public async Task Escalations_reach_the_privacy_officer_and_a_closed_case_takes_no_more_work()
    {
        var (incident, _, agent, caseId) = await CaseAsync();

        var escalate = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/escalate", new { reason = "Caller says they never had an account" });
        var close = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/close", new { outcome = "escalated" });
        var noteAfter = await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/notes", new { text = "late" });
        var asAgent = await agent.GetAsync(new Uri($"/api/v1/incidents/{incident}/escalations", UriKind.Relative));
        var escalations = await World.Officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/escalations");

        escalate.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        close.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await close.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("closed");
        noteAfter.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CallCentreWorld.ProblemCodeAsync(noteAfter)).ShouldBe("case_closed");
        asAgent.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var escalation = escalations.EnumerateArray().Single();
        escalation.GetProperty("caseId").GetGuid().ShouldBe(caseId);
        escalation.GetProperty("reason").GetString().ShouldBe("Caller says they never had an account");
    }

    [Fact]
    public async Task Callbacks_are_listed_as_due_or_done_for_the_agents_vendor_only()
    {
        var (_, vendor, agent, caseId) = await CaseAsync();
        var created = await (await agent.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/callbacks",
            new { dueAt = TimeProvider.System.GetUtcNow().AddHours(1), reason = "Call back after the letter arrives" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        using var stranger = await World.AgentAsync(await World.RegisterVendorAsync());

        var due = await agent.GetFromJsonAsync<JsonElement>("/api/v1/callcentre/callbacks?status=due");
        var theirs = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/callcentre/callbacks?status=due");
        var bad = await agent.GetAsync(new Uri("/api/v1/callcentre/callbacks?status=someday", UriKind.Relative));
        (await agent.PostAsync(new Uri($"/api/v1/callcentre/callbacks/{id}/done", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var done = await agent.GetFromJsonAsync<JsonElement>("/api/v1/callcentre/callbacks?status=done");

        due.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(id);
        theirs.EnumerateArray().ShouldBeEmpty();
        (await CallCentreWorld.ProblemCodeAsync(bad)).ShouldBe("invalid_status");
        done.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(id);
        vendor.ShouldNotBe(Guid.Empty);
    }
}
