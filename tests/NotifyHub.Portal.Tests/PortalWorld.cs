using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Intake.Database;
using NotifyHub.Portal.Database;
using NotifyHub.Privacy.Fields;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Portal.Tests;

/// <summary>
/// One host on the embedded defaults with a movable clock, an incident with three people imported through the real
/// API, and their reference codes (decrypted as the controller would: what their letters say).
/// </summary>
public sealed class PortalWorld : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    public const string Csv = "external_id,given_name,family_name,email,phone,postcode,date_of_birth,language,data_categories\n"
        + "ext-1,Quillonia,Zebrowskaja,quillonia.canary@example.com,+61 491 570 156,2000,1981-03-14,en,name;date_of_birth\n"
        + "ext-2,Bartholomew,Okonkwo-Vance,bart.canary@example.com,+61 491 570 157,SW1A 1AA,1975-11-02,fr,name;payment_card\n"
        + "ext-3,Hyacinth,Twin,hyacinth@example.com,+61 491 570 158,4000,1990-06-30,ja,name\n";

    private static int _nextClient;

    private PortalWorld(NotifyHubFactory factory, ShiftedClock clock, HttpClient officer)
    {
        Factory = factory;
        Clock = clock;
        Officer = officer;
    }

    public NotifyHubFactory Factory { get; }

    internal ShiftedClock Clock { get; }

    public HttpClient Officer { get; }

    public Published Messages { get; } = new();

    public Guid Incident { get; private set; }

    /// <summary>Reference code by external id.</summary>
    public Dictionary<string, string> Codes { get; private set; } = [];

    public static async Task<PortalWorld> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var clock = new ShiftedClock();
        var factory = new NotifyHubFactory(settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddTransient<IStartupFilter, ClientAddress>();
        });
        var officer = await StaffAccounts.PrivacyOfficerClientAsync(factory);
        var world = new PortalWorld(factory, clock, officer);
        factory.Services.GetRequiredService<IBus>().ConnectPublishObserver(world.Messages);
        world.Incident = await world.OpenIncidentAsync();
        await world.ImportAsync(world.Incident, Csv);
        world.Codes = await world.ReferenceCodesAsync(world.Incident);
        await Eventually.TrueAsync(async () => await world.InPortalAsync(db => db.People.CountAsync(p => p.IncidentId == world.Incident)) == 3,
            Wait, "the portal never received the imported people");
        return world;
    }

    /// <summary>A client with its own address, so its failures count only against itself.</summary>
    public HttpClient NewVisitor()
    {
        var client = Factory.CreateClient();
        var n = Interlocked.Increment(ref _nextClient);
        client.DefaultRequestHeaders.Add(ClientAddress.Header, $"198.51.{n / 250}.{(n % 250) + 1}");
        return client;
    }

    public async Task<Guid> OpenIncidentAsync()
    {
        var response = await Officer.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Loyalty database copied",
            summary = "A copy of the loyalty database was taken.",
            discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1),
            cause = "malicious_attack",
            dataCategories = new[] { "name", "date_of_birth", "payment_card" },
            jurisdictions = new[] { "AU" },
        });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () => await InPortalAsync(db => db.Incidents.AnyAsync(i => i.Id == id)), Wait, "the portal never heard of the incident");
        return id;
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

    public async Task<T> InPortalAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task PublishAsync<T>(T message)
        where T : class => Factory.Services.GetRequiredService<IBus>().Publish(message);

    public static Task<HttpResponseMessage> StatusAsync(HttpClient client, string code, string? dateOfBirth = null, string? postcode = null) =>
        client.PostAsJsonAsync("/api/v1/portal/status", new { referenceCode = code, dateOfBirth, postcode });

    public static async Task<string> ProblemCodeAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    public static async Task<string> SessionAsync(HttpClient client, string code, string dateOfBirth)
    {
        var response = await StatusAsync(client, code, dateOfBirth);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionToken").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Officer.Dispose();
        await Factory.DisposeAsync();
    }
}
