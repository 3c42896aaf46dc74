using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Intake.Tests;

/// <summary><c>GET /api/v1/incidents</c> and <c>.../imports</c>: paged with <c>?skip&amp;take</c>, newest first.</summary>
public sealed class Listing_incidents_and_imports : IAsyncLifetime
{
    private readonly NotifyHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Incidents_are_listed_newest_first_a_page_at_a_time()
    {
        var api = await IntakeClient.CreateAsync(_factory);
        var opened = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            opened.Add(await api.OpenIncidentAsync());
        }

        var first = await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/incidents?take=2");
        var second = await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/incidents?skip=2&take=2");

        Ids(first).ShouldBe([opened[2], opened[1]]);
        Ids(second).ShouldBe([opened[0]]);
        first.GetProperty("total").GetInt32().ShouldBe(3);
        first.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task An_incidents_imports_are_listed_newest_first_with_their_counts()
    {
        var api = await IntakeClient.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync();
        await api.ImportCsvAsync(incident, "external_id,given_name,email\n1,Ann,ann@example.com\n");
        await api.ImportCsvAsync(incident, "external_id,given_name,email\n2,Bob,bob@example.com\n3,Cy,cy@example.com\n");

        var list = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports");

        list.GetProperty("total").GetInt32().ShouldBe(2);
        var items = list.GetProperty("items");
        items[0].GetProperty("accepted").GetInt64().ShouldBe(2);
        items[1].GetProperty("accepted").GetInt64().ShouldBe(1);
    }

    [Theory]
    [InlineData("?take=0")]
    [InlineData("?take=101")]
    [InlineData("?skip=-1")]
    public async Task Paging_outside_its_bounds_is_refused_with_a_code(string query)
    {
        var api = await IntakeClient.CreateAsync(_factory);

        var response = await api.Http.GetAsync(new Uri("/api/v1/incidents" + query, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("invalid_paging");
    }

    [Fact]
    public async Task Imports_of_an_unknown_incident_are_not_found()
    {
        var api = await IntakeClient.CreateAsync(_factory);

        var response = await api.Http.GetAsync(new Uri($"/api/v1/incidents/{Guid.NewGuid()}/imports", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_privacy_officers_and_admins_may_list_incidents()
    {
        using var agent = await StaffAccounts.ClientForAsync(_factory, Roles.Agent);
        using var officer = await StaffAccounts.ClientForAsync(_factory, Roles.PrivacyOfficer);

        (await agent.GetAsync(new Uri("/api/v1/incidents", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync(new Uri("/api/v1/incidents", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Guid[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}
