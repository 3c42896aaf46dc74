using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Database;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.Fields;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.CallCentre.Tests;

/// <summary>
/// One host on the embedded defaults with a privacy officer, and helpers that drive the real API: register a vendor,
/// open an incident, import people, assign the vendor and wait for its projections, sign in its agents.
/// </summary>
public sealed class CallCentreWorld : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private CallCentreWorld(NotifyHubFactory factory, HttpClient admin, HttpClient officer)
    {
        Factory = factory;
        Admin = admin;
        Officer = officer;
    }

    public NotifyHubFactory Factory { get; }

    public HttpClient Admin { get; }

    public HttpClient Officer { get; }

    public static async Task<CallCentreWorld> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var factory = new NotifyHubFactory(settings);
        var admin = await StaffAccounts.AdminClientAsync(factory);
        var officer = await StaffAccounts.ClientForAsync(factory, Roles.PrivacyOfficer);
        return new CallCentreWorld(factory, admin, officer);
    }

    public async Task<Guid> RegisterVendorAsync()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/vendors", new { name = $"Calls Ltd {Guid.NewGuid():N}", kind = "call-centre" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public Task<HttpClient> AgentAsync(Guid vendorId) => StaffAccounts.ClientForAsync(Factory, Roles.Agent, vendorId);

    public Task<HttpClient> SupervisorAsync(Guid vendorId) => StaffAccounts.ClientForAsync(Factory, Roles.Supervisor, vendorId);

    public async Task<Guid> OpenIncidentAsync()
    {
        var response = await Officer.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Call-centre vendor breach",
            summary = "Customer records copied from a vendor.",
            discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1),
            cause = "vendor",
            dataCategories = new[] { "name", "date_of_birth" },
            jurisdictions = new[] { "AU" },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task ImportAsync(Guid incident, string csv)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new("text/csv");
        var response = await Officer.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
        string? status = null;
        await Eventually.TrueAsync(async () =>
        {
            status = (await Officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{id}")).GetProperty("status").GetString();
            return status != "running";
        }, Wait);
        status.ShouldBe("completed");
    }

    /// <summary>Assigns (retrying while the call centre has not yet heard of the incident or vendor), then waits for the back-fill.</summary>
    public async Task<Guid> AssignAsync(Guid incident, Guid vendor, int expected)
    {
        HttpResponseMessage? response = null;
        await Eventually.TrueAsync(async () =>
        {
            response = await Officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/vendors", new { vendorId = vendor });
            return response.StatusCode != HttpStatusCode.NotFound;
        }, Wait, "the call centre never heard of the incident or the vendor");
        response!.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignmentId").GetGuid();
        await Eventually.TrueAsync(async () =>
        {
            var row = (await AssignmentsAsync(incident)).Single(a => a.GetProperty("assignmentId").GetGuid() == id);
            return row.GetProperty("status").GetString() == "completed" && row.GetProperty("projected").GetInt32() == expected;
        }, Wait, "the back-fill did not complete");
        return id;
    }

    public async Task<List<JsonElement>> AssignmentsAsync(Guid incident) =>
        [.. (await Officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/vendors")).EnumerateArray()];

    /// <summary>Each person's reference code by external id, decrypted as the controller would (what their letter says).</summary>
    public async Task<Dictionary<string, string>> ReferenceCodesAsync(Guid incident)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        var codes = new Dictionary<string, string>();
        foreach (var party in await db.AffectedParties.AsNoTracking().Where(p => p.IncidentId == incident).ToListAsync())
        {
            var fields = await cipher.DecryptRecordAsync(party.Record, party.Id, "affected-party");
            codes[fields["external_id"].Reveal()] = fields["reference_code"].Reveal();
        }

        return codes;
    }

    public async Task<T> InCallCentreAsync<T>(Func<CallCentreDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CallCentreDbContext>());
    }

    public static async Task<JsonElement> VerifyAsync(HttpClient agent, object body)
    {
        var response = await agent.PostAsJsonAsync("/api/v1/callcentre/verifications", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Guid> OpenCaseAsync(HttpClient agent, Guid incident, string code, string dateOfBirth)
    {
        var result = await VerifyAsync(agent, new { incidentId = incident, referenceCode = code, dateOfBirth });
        result.GetProperty("verified").GetBoolean().ShouldBeTrue();
        return result.GetProperty("caseId").GetGuid();
    }

    /// <summary>
    /// Several agents of one vendor verify the same caller at the same moment (a person calling twice, two lines):
    /// every one of them must land on the same single open case.
    /// </summary>
    public async Task AgentsVerifyingOneCallerAtOnceShareOneCaseAsync(int agents)
    {
        var vendor = await RegisterVendorAsync();
        var incident = await OpenIncidentAsync();
        await ImportAsync(incident, People.Csv);
        await AssignAsync(incident, vendor, expected: 3);
        var code = (await ReferenceCodesAsync(incident))["ext-1"];
        var clients = await Task.WhenAll(Enumerable.Range(0, agents).Select(_ => AgentAsync(vendor)));

        var caseIds = await Task.WhenAll(clients.Select(agent => OpenCaseAsync(agent, incident, code, People.CanaryDateOfBirth)));
        var openCases = await InCallCentreAsync(db => db.Cases.CountAsync(c => c.IncidentId == incident && c.Status == CaseStatus.Open));
        var granted = await InCallCentreAsync(db => db.VerificationAttempts.CountAsync(a => a.VendorId == vendor && a.Verified));

        caseIds.Distinct().ShouldHaveSingleItem("every agent got the same case");
        openCases.ShouldBe(1);
        granted.ShouldBe(agents, "each verification is recorded once, the retried ones too");
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    public static async Task<string> ProblemCodeAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Officer.Dispose();
        await Factory.DisposeAsync();
    }
}
