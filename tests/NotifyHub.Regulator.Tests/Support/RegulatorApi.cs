using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Regulator.Tests.Support;

/// <summary>The API calls the regulator tests make, through the real endpoints of an in-process host.</summary>
public sealed class RegulatorApi(NotifyHubFactory factory, HttpClient http)
{
    public HttpClient Http => http;

    public NotifyHubFactory Factory => factory;

    public static async Task<RegulatorApi> CreateAsync(NotifyHubFactory factory) => new(factory, await StaffAccounts.PrivacyOfficerClientAsync(factory));

    public async Task<Guid> OpenIncidentAsync(string[] jurisdictions, string[]? categories = null, string cause = "human_error",
        DateTimeOffset? awareAt = null, DateTimeOffset? determinedAt = null, string summary = "Customer records copied from a vendor's CRM.")
    {
        var response = await http.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Dealer CRM breach",
            summary,
            discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-2),
            occurredFrom = TimeProvider.System.GetUtcNow().AddDays(-9),
            occurredTo = TimeProvider.System.GetUtcNow().AddDays(-8),
            awareAt = awareAt ?? TimeProvider.System.GetUtcNow().AddDays(-2),
            determinedAt = determinedAt ?? TimeProvider.System.GetUtcNow().AddDays(-1),
            cause,
            dataCategories = categories ?? ["name", "email"],
            jurisdictions,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The regulator learns of the incident through the bus: wait until it answers for it.
        await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri($"/api/v1/incidents/{id}/obligations", UriKind.Relative))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "the regulator never received IncidentOpened");
        return id;
    }

    /// <summary>Uploads a CSV and waits for the import to complete.</summary>
    public async Task ImportCsvAsync(Guid incident, string csv)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await http.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var importId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
        await Eventually.TrueAsync(async () =>
        {
            var status = await http.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{importId}");
            return status.GetProperty("status").GetString() != "running";
        }, TimeSpan.FromSeconds(60));
    }

    public async Task<List<ObligationView>> ObligationsAsync(Guid incident) =>
        (await http.GetFromJsonAsync<List<ObligationView>>($"/api/v1/incidents/{incident}/obligations"))!;

    /// <summary>Waits until the obligation matching <paramref name="select"/> satisfies <paramref name="condition"/>.</summary>
    public async Task<ObligationView> WaitForAsync(Guid incident, Func<ObligationView, bool> select, Func<ObligationView, bool> condition, string because)
    {
        ObligationView? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = (await ObligationsAsync(incident)).FirstOrDefault(select);
            return found is not null && condition(found);
        }, TimeSpan.FromSeconds(30), because);
        return found!;
    }

    public static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;

    public sealed record ObligationView(Guid Id, string Jurisdiction, string Authority, string Kind, string Status, DateTimeOffset? DueAt,
        string? DueAtLocal, string TimeZone, string Clock, string Rule, string? Reason, long Affected, IReadOnlyList<WarningView>? Warnings = null);

    public sealed record WarningView(string Code, Guid TemplateId, string Channel, string Language);
}
