using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.IntegrationTests.Privacy;

/// <summary>
/// The canary of docs/privacy.md: a person with distinctive values goes through every flow NotifyHub has, then every database
/// file or table, every log line and every bus message is searched for those values. Any hit is a leak.
/// Grows with every feature: add each new flow to <see cref="RunEveryFlowAsync"/>.
/// </summary>
public sealed class No_personal_value_in_clear
{
    [Fact]
    public async Task On_the_embedded_defaults()
    {
        await using var host = new CanaryHost(new Dictionary<string, string?>());
        host.Start();

        await RunEveryFlowAsync(host);

        // Scanned while running, so the write-ahead logs are still there to be read too.
        var audit = await CanaryEvidence.AuditRowsAsync(host.Services, "campaign.launch");
        var leaks = host.Evidence.Leaks(audit).Concat(CanaryEvidence.SqliteLeaks(host.DataDirectory)).ToList();
        leaks.ShouldBeEmpty();
        audit.Count.ShouldBeGreaterThan(5);
        ShouldHaveRecorded(host.Evidence);
    }

    [Fact]
    public async Task The_search_finds_a_value_that_did_leak()
    {
        await using var host = new CanaryHost(new Dictionary<string, string?>());
        host.Start();
        using var admin = await StaffAccounts.AdminClientAsync(host);

        // A careless vendor name and a log line: both must be caught.
        (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = $"Vendor of {CanaryPerson.FamilyName}" })).EnsureSuccessStatusCode();
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Careless")
            .LogWarning("Could not reach {Email}", CanaryPerson.Email.ToLowerInvariant());

        CanaryEvidence.SqliteLeaks(host.DataDirectory).ShouldContain(l => l.StartsWith(CanaryPerson.FamilyName + " in console.db", StringComparison.Ordinal));
        host.Evidence.Leaks([]).ShouldContain(l => l.Contains(" in log: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_RabbitMq_and_PostgreSql()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var broker = await RabbitMqVirtualHost.CreateAsync();
        await using var host = new CanaryHost(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = database.ConnectionString,
            ["NotifyHub:Bus:Transport"] = "RabbitMq",
            ["ConnectionStrings:RabbitMq"] = broker.ConnectionString,
        });
        host.Start();

        await RunEveryFlowAsync(host);

        var audit = await CanaryEvidence.AuditRowsAsync(host.Services, "campaign.launch");
        var rows = await CanaryEvidence.PostgresRowsAsync(database.ConnectionString);
        var leaks = host.Evidence.Leaks(rows.Concat(audit));
        leaks.ShouldBeEmpty();
        ShouldHaveRecorded(host.Evidence);
        rows.ShouldContain(r => r.Source == "privacy.audit_entries");
    }

    /// <summary>A search of nothing proves nothing: the flows must have written logs and messages.</summary>
    private static void ShouldHaveRecorded(CanaryEvidence evidence)
    {
        evidence.LogLines.Count.ShouldBeGreaterThan(100);
        evidence.MessageBodies.ShouldContain(m => m.StartsWith("IncidentOpened ", StringComparison.Ordinal));
        evidence.MessageBodies.ShouldContain(m => m.StartsWith("VendorRevoked ", StringComparison.Ordinal));
        // The projections notifications asks intake for, and intake's answers, are searched too.
        evidence.MessageBodies.ShouldContain(m => m.StartsWith("SealProjections ", StringComparison.Ordinal));
        evidence.MessageBodies.ShouldContain(m => m.StartsWith("ProjectionsSealed ", StringComparison.Ordinal) && m.Contains("\"projection\"", StringComparison.Ordinal));
    }

    private static async Task RunEveryFlowAsync(CanaryHost host)
    {
        using var admin = await StaffAccounts.AdminClientAsync(host);
        using var officer = await StaffAccounts.PrivacyOfficerClientAsync(host);
        var incidentId = await OpenIncidentAsync(officer);
        var vendorId = (await (await admin.PostAsJsonAsync("/api/v1/vendors", new { name = "Canary call centre" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var agent = await StaffAccounts.CreateAsync(host, Roles.Agent, vendorId);

        await ImportAsync(officer, incidentId);
        await ImportAsync(officer, incidentId); // the idempotent second import updates the same person
        await NotifyOnEveryChannelAsync(officer, incidentId);
        await PortalFlow.RunAsync(host, incidentId);
        await RegulatorFlow.RunAsync(host, officer, incidentId);
        var nothingOpensAfterRevocation = await CallCentreFlow.RunAsync(host, officer, incidentId, vendorId);
        await ReadThroughTheKeyServiceAsync(host, incidentId, vendorId, agent);
        (await admin.GetAsync(new Uri("/api/v1/audit", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsync(new Uri($"/api/v1/vendors/{vendorId}/revoke", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await nothingOpensAfterRevocation();
    }

    private static async Task<Guid> OpenIncidentAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Canary incident",
            summary = "A vendor's call-centre platform was accessed without authorisation.",
            discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1),
            cause = "vendor",
            dataCategories = new[] { "name", "contact", "date_of_birth" },
            jurisdictions = new[] { "AU" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task ImportAsync(HttpClient admin, Guid incidentId)
    {
        using var body = new StringContent(CanaryPerson.Csv, System.Text.Encoding.UTF8, "text/csv");
        var started = await admin.PostAsync(new Uri($"/api/v1/incidents/{incidentId}/imports", UriKind.Relative), body);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var importId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
        var status = default(JsonElement);
        await Eventually.TrueAsync(async () =>
        {
            status = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incidentId}/imports/{importId}");
            return status.GetProperty("status").GetString() != "running";
        }, TimeSpan.FromSeconds(60));
        status.GetProperty("status").GetString().ShouldBe("completed", status.ToString());
        (status.GetProperty("accepted").GetInt32() + status.GetProperty("updated").GetInt32()).ShouldBe(1, status.ToString());
        (await admin.GetStringAsync(new Uri($"/api/v1/incidents/{incidentId}/imports/{importId}/errors", UriKind.Relative)))
            .ShouldStartWith("line,column,code,message");
    }

    /// <summary>Templates, a campaign on every channel, launched and waited for until all three notifications are delivered.</summary>
    private static async Task NotifyOnEveryChannelAsync(HttpClient admin, Guid incidentId)
    {
        var templates = new Dictionary<string, Guid>();
        foreach (var channel in new[] { "email", "sms", "letter" })
        {
            var created = await admin.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/templates", new
            {
                name = $"Canary notice ({channel})",
                channel,
                defaultLanguage = "en",
                variants = new[]
                {
                    new
                    {
                        language = "en",
                        subject = channel == "sms" ? null : "About {{ incident.title }}",
                        body = "Dear {{ given_name }} {{ family_name }}, your {{ categories | join: ', ' }} were exposed. Code {{ reference_code }}: {{ portal_url }}",
                    },
                },
            });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            templates[channel] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        // A letter is printed only from a proof a privacy officer has read and approved.
        (await admin.GetAsync(new Uri($"/api/v1/templates/{templates["letter"]}/proof?language=en", UriKind.Relative))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/templates/{templates["letter"]}/approvals", new { language = "en" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var campaign = await admin.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/campaigns",
            new { name = "Canary campaign", channels = new[] { "email", "sms", "letter" }, strategy = "all", templates });
        campaign.StatusCode.ShouldBe(HttpStatusCode.Created, await campaign.Content.ReadAsStringAsync());
        var campaignId = (await campaign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () =>
        {
            var launched = await admin.PostAsync(new Uri($"/api/v1/campaigns/{campaignId}/launch", UriKind.Relative), null);
            return launched.StatusCode == HttpStatusCode.Accepted;
        }, TimeSpan.FromSeconds(30));
        var view = default(JsonElement);
        await Eventually.TrueAsync(async () =>
        {
            view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaignId}");
            return view.GetProperty("delivered").GetInt32() == 3;
        }, TimeSpan.FromSeconds(90), $"campaign not delivered: {view}");
    }

    /// <summary>A vendor agent reads the canary's call-centre projection, the only way a vendor reads anything.</summary>
    private static async Task ReadThroughTheKeyServiceAsync(CanaryHost host, Guid incidentId, Guid vendorId, StaffAccounts.Account agent)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var officer = new PrivacyActor(Guid.NewGuid(), [Roles.PrivacyOfficer]);
        await services.GetRequiredService<VendorAssignments>().AssignAsync(vendorId, incidentId, Purpose.CallCentre, officer);
        var personId = Guid.NewGuid();
        var projection = await services.GetRequiredService<ProjectionBuilder>().BuildAsync(personId, Purpose.CallCentre, vendorId,
            new Dictionary<PersonalField, Sensitive<string>>
            {
                [PersonalField.GivenName] = new(CanaryPerson.GivenName),
                [PersonalField.FamilyName] = new(CanaryPerson.FamilyName),
                [PersonalField.Email] = new(CanaryPerson.Email),
                [PersonalField.DateOfBirth] = new(CanaryPerson.DateOfBirth),
                [PersonalField.Language] = new("en"),
            });

        var read = await services.GetRequiredService<KeyService>().DecryptAsync(new AccessRequest(
            agent.Id, [Roles.Agent], vendorId, incidentId, personId, Purpose.CallCentre, projection.Ciphertext));

        read[PersonalField.GivenName]!.Reveal().ShouldBe(CanaryPerson.GivenName);
        read.Fields.Keys.ShouldNotContain(PersonalField.DateOfBirth);
        read.Fields.Keys.ShouldNotContain(PersonalField.Email);
    }
}
