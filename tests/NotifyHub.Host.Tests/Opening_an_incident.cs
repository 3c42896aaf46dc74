using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Notifications.Database;
using NotifyHub.Regulator.Database;
using NotifyHub.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Host.Tests;

/// <summary>The first flow on the embedded defaults: intake publishes IncidentOpened, regulator and notifications record it.</summary>
public sealed class Opening_an_incident : IAsyncLifetime
{
    private readonly NotifyHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Reaches_regulator_and_notifications()
    {
        using var client = await StaffAccounts.PrivacyOfficerClientAsync(_factory);

        var response = await client.PostAsJsonAsync("/api/v1/incidents", ValidIncident());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/incidents/{id}");
        await Eventually.TrueAsync(async () =>
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var regulator = scope.ServiceProvider.GetRequiredService<RegulatorDbContext>();
            var notifications = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            return await regulator.Incidents.AnyAsync(i => i.Id == id) && await notifications.Incidents.AnyAsync(i => i.Id == id);
        }, TimeSpan.FromSeconds(20));

        var incident = await client.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{id}");
        incident.GetProperty("cause").GetString().ShouldBe("vendor");
        incident.GetProperty("jurisdictions").EnumerateArray().Select(j => j.GetString()).ShouldBe(["AU", "US-CA"]);
    }

    [Fact]
    public async Task The_trace_follows_the_message_from_request_to_consumers()
    {
        using var client = await StaffAccounts.PrivacyOfficerClientAsync(_factory);
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "MassTransit" or "NotifyHub.Outbox" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);

        // The caller's traceparent names a trace no other test's activities can have, whatever runs beside this one.
        var trace = ActivityTraceId.CreateRandom();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents") { Content = JsonContent.Create(ValidIncident()) };
        post.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        (await client.SendAsync(post)).EnsureSuccessStatusCode();

        // Regulator and notifications each consume IncidentOpened, published through the outbox after the request ended.
        await Eventually.TrueAsync(() => Task.FromResult(Consumers(activities).Count(a => a.TraceId == trace) >= 2), TimeSpan.FromSeconds(20),
            "the consumers' activities never carried the request's trace");
        Snapshot(activities).ShouldContain(a => a.Kind == ActivityKind.Server && a.TraceId == trace);
    }

    [Fact]
    public async Task A_bad_request_gets_problem_details_naming_each_field_and_stores_nothing()
    {
        using var client = await StaffAccounts.PrivacyOfficerClientAsync(_factory);

        var response = await client.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "",
            summary = "x",
            discoveredAt = TimeProvider.System.GetUtcNow().AddDays(2),
            cause = "aliens",
            dataCategories = new[] { "name", "shoe_size" },
            jurisdictions = new[] { "XX" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["title", "discoveredAt", "cause", "dataCategories[1]", "jurisdictions[0]"], ignoreOrder: true);
        await using var scope = _factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<NotifyHub.Intake.Database.IntakeDbContext>().Incidents.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_not_a_login_redirect()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsJsonAsync("/api/v1/incidents", ValidIncident());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static List<Activity> Snapshot(List<Activity> activities)
    {
        lock (activities)
        {
            return [.. activities];
        }
    }

    private static List<Activity> Consumers(List<Activity> activities) =>
        Snapshot(activities).Where(a => a.Kind == ActivityKind.Consumer && a.Source.Name == "MassTransit").ToList();

    private static object ValidIncident() => new
    {
        title = "Dealer CRM exposure",
        summary = "A third-party CRM vendor exposed customer records.",
        discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-2),
        occurredFrom = TimeProvider.System.GetUtcNow().AddDays(-30),
        occurredTo = TimeProvider.System.GetUtcNow().AddDays(-3),
        cause = "vendor",
        dataCategories = new[] { "name", "contact", "vehicle_id" },
        jurisdictions = new[] { "au", "US-CA" },
    };
}
