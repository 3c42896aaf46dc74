using NotifyHub.Notifications.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Notifications.Tests.Templates;

/// <summary>Liquid runs bounded: too many statements or too much output is refused with 422, not left to take a core.</summary>
public sealed class Template_limits : IAsyncLifetime
{
    private NotificationsApp _app = null!;
    private Guid _incident;

    public async Task InitializeAsync()
    {
        _app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Notifications:TemplateMaxSteps"] = "10000",
            ["NotifyHub:Notifications:TemplateMaxOutputChars"] = "5000",
        });
        _incident = await _app.OpenIncidentAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}ok {{ reference_code }}", "statements")]
    [InlineData("{% for i in (1..600) %}0123456789{% endfor %}{{ reference_code }}", "characters")]
    public async Task Refuses_a_template_that_runs_past_the_limits(string body, string limit)
    {
        var response = await _app.Client.PostAsJsonAsync($"/api/v1/incidents/{_incident}/templates", new
        {
            name = "Loop",
            channel = "letter",
            defaultLanguage = "en",
            variants = new[] { new { language = "en", subject = "Notice", body } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("template_limit_exceeded");
        problem.GetProperty("detail").GetString()!.ShouldContain(limit);
    }

    [Fact]
    public async Task A_loop_within_the_limits_is_accepted()
    {
        var response = await _app.Client.PostAsJsonAsync($"/api/v1/incidents/{_incident}/templates", new
        {
            name = "Short loop",
            channel = "letter",
            defaultLanguage = "en",
            variants = new[] { new { language = "en", subject = "Notice", body = "{% for i in (1..3) %}-{% endfor %}{{ reference_code }}" } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
