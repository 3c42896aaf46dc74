using Microsoft.EntityFrameworkCore;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.CallCentre.Tests;

/// <summary>Assignment back-fills projections; agents verify callers by blind index only and open cases.</summary>
public sealed class Verifying_callers(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private CallCentreWorld World => fixture.World;

    [Fact]
    public async Task Assigning_a_vendor_projects_everyone_and_a_code_with_one_factor_opens_one_case()
    {
        var vendor = await World.RegisterVendorAsync();
        var incident = await World.OpenIncidentAsync();
        await World.ImportAsync(incident, People.Csv);
        await World.AssignAsync(incident, vendor, expected: 3);
        var codes = await World.ReferenceCodesAsync(incident);
        using var agent = await World.AgentAsync(vendor);

        var first = await CallCentreWorld.VerifyAsync(agent, new { referenceCode = codes["ext-1"].ToLowerInvariant(), dateOfBirth = "1981-03-14" });
        var again = await CallCentreWorld.VerifyAsync(agent, new { incidentId = incident, referenceCode = codes["ext-1"], postcode = "2000" });
        var byThree = await CallCentreWorld.VerifyAsync(agent, new { phone = "+61491570157", dateOfBirth = "1975-11-02", postcode = "3000" });

        first.GetProperty("verified").GetBoolean().ShouldBeTrue();
        again.GetProperty("caseId").GetGuid().ShouldBe(first.GetProperty("caseId").GetGuid(), "the person's open case is returned");
        byThree.GetProperty("verified").GetBoolean().ShouldBeTrue();
        byThree.GetProperty("caseId").GetGuid().ShouldNotBe(first.GetProperty("caseId").GetGuid());
        var assignment = (await World.AssignmentsAsync(incident)).Single();
        assignment.GetProperty("total").GetInt32().ShouldBe(3);
        assignment.GetProperty("vendorId").GetGuid().ShouldBe(vendor);
    }

    [Fact]
    public Task Agents_verifying_one_caller_at_once_share_one_open_case() => World.AgentsVerifyingOneCallerAtOnceShareOneCaseAsync(agents: 8);

    [Fact]
    public async Task An_unknown_code_and_a_wrong_factor_get_the_same_answer()
    {
        var vendor = await World.RegisterVendorAsync();
        var incident = await World.OpenIncidentAsync();
        await World.ImportAsync(incident, People.Csv);
        await World.AssignAsync(incident, vendor, expected: 3);
        var codes = await World.ReferenceCodesAsync(incident);
        using var agent = await World.AgentAsync(vendor);

        var wrongFactor = await agent.PostAsJsonAsync("/api/v1/callcentre/verifications", new { referenceCode = codes["ext-1"], dateOfBirth = "1981-03-15" });
        var unknownCode = await agent.PostAsJsonAsync("/api/v1/callcentre/verifications", new { referenceCode = "ZZZZ-ZZZZ-ZZZZ-ZZZZ", dateOfBirth = "1981-03-14" });
        var twoFactorsOnly = await agent.PostAsJsonAsync("/api/v1/callcentre/verifications", new { phone = "+61491570156", dateOfBirth = "1981-03-14", postcode = "9999" });

        wrongFactor.StatusCode.ShouldBe(HttpStatusCode.OK);
        var expected = await wrongFactor.Content.ReadAsStringAsync();
        expected.ShouldBe("""{"verified":false}""");
        (await unknownCode.Content.ReadAsStringAsync()).ShouldBe(expected);
        (await twoFactorsOnly.Content.ReadAsStringAsync()).ShouldBe(expected);
        (await World.InCallCentreAsync(db => db.Cases.CountAsync(c => c.IncidentId == incident))).ShouldBe(0);
        (await World.InCallCentreAsync(db => db.VerificationAttempts.CountAsync(a => !a.Verified))).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Another_vendor_cannot_verify_the_people_or_see_the_case()
    {
        var vendor = await World.RegisterVendorAsync();
        var other = await World.RegisterVendorAsync();
        var incident = await World.OpenIncidentAsync();
        await World.ImportAsync(incident, People.Csv);
        await World.AssignAsync(incident, vendor, expected: 3);
        var codes = await World.ReferenceCodesAsync(incident);
        using var agent = await World.AgentAsync(vendor);
        using var stranger = await World.AgentAsync(other);
        var caseId = await CallCentreWorld.OpenCaseAsync(agent, incident, codes["ext-1"], "1981-03-14");

        var verify = await CallCentreWorld.VerifyAsync(stranger, new { referenceCode = codes["ext-1"], dateOfBirth = "1981-03-14" });
        var read = await stranger.GetAsync(new Uri($"/api/v1/callcentre/cases/{caseId}", UriKind.Relative));
        var note = await stranger.PostAsJsonAsync($"/api/v1/callcentre/cases/{caseId}/notes", new { text = "hello" });

        verify.GetProperty("verified").GetBoolean().ShouldBeFalse();
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        note.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CallCentreWorld.ProblemCodeAsync(read)).ShouldBe("not_found");
        (await World.InCallCentreAsync(db => db.Notes.CountAsync(n => n.CaseId == caseId))).ShouldBe(0);
    }

    [Fact]
    public async Task Malformed_factors_are_refused_with_a_specific_code_and_are_not_counted()
    {
        var vendor = await World.RegisterVendorAsync();
        using var agent = await World.AgentAsync(vendor);

        var cases = new (object Body, string Code)[]
        {
            (new { referenceCode = "ABCD-EFGH-JKMN-PQRS", dateOfBirth = "14/03/1981" }, "invalid_date_of_birth"),
            (new { referenceCode = "ABCD-EFGH-JKMN-PQRS", dateOfBirth = "1981-02-30" }, "invalid_date_of_birth"),
            (new { referenceCode = "ABCD-EFGH-JKMN-PQRS" }, "factor_required"),
            (new { phone = "+61491570156", dateOfBirth = "1981-03-14" }, "factors_required"),
            (new { referenceCode = "ABCD-EFGH-JKMN-PQRS", phone = "0491 570 156" }, "invalid_phone"),
            (new { referenceCode = "AB$D", postcode = "2000" }, "invalid_reference_code"),
        };
        foreach (var (body, code) in cases)
        {
            var response = await agent.PostAsJsonAsync("/api/v1/callcentre/verifications", body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await CallCentreWorld.ProblemCodeAsync(response)).ShouldBe(code);
        }

        (await World.InCallCentreAsync(db => db.VerificationAttempts.CountAsync(a => a.VendorId == vendor))).ShouldBe(0);
    }

    [Fact]
    public async Task Privacy_officers_can_neither_verify_callers_nor_see_the_queue()
    {
        var response = await World.Officer.PostAsJsonAsync("/api/v1/callcentre/verifications", new { referenceCode = "ABCD", postcode = "2000" });
        var queue = await World.Officer.GetAsync(new Uri("/api/v1/callcentre/queue", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        queue.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task People_imported_after_the_assignment_are_projected_too()
    {
        var vendor = await World.RegisterVendorAsync();
        var incident = await World.OpenIncidentAsync();
        await World.AssignAsync(incident, vendor, expected: 0);
        await World.ImportAsync(incident, People.Csv);
        var codes = await World.ReferenceCodesAsync(incident);
        using var agent = await World.AgentAsync(vendor);

        await Eventually.TrueAsync(async () =>
            (await World.InCallCentreAsync(db => db.CallerRecords.CountAsync(r => r.IncidentId == incident))) == 3, CallCentreWorld.Wait);
        var result = await CallCentreWorld.VerifyAsync(agent, new { referenceCode = codes["ext-3"], postcode = "4000" });

        result.GetProperty("verified").GetBoolean().ShouldBeTrue();
        (await World.AssignmentsAsync(incident)).Single().GetProperty("projected").GetInt32().ShouldBe(3);
    }
}
