using NotifyHub.Notifications.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Notifications.Tests.Templates;

public sealed class Creating_templates : IAsyncLifetime
{
    private NotificationsApp _app = null!;
    private Guid _incident;

    public async Task InitializeAsync()
    {
        _app = await NotificationsApp.StartAsync();
        _incident = await _app.OpenIncidentAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("Hello {{ given_name ", "not valid Liquid")]
    [InlineData("Hello {% if given_name %}", "not valid Liquid")]
    [InlineData("Hello {{ first_name }}", "first_name")]
    [InlineData("Hello {{ incident.severity }}", "severity")]
    [InlineData("Hello {{ given_name | shout }}", "shout")]
    public async Task Refuses_a_template_that_would_not_render(string body, string mentioned)
    {
        var response = await _app.Client.PostAsJsonAsync($"/api/v1/incidents/{_incident}/templates", new
        {
            name = "broken", channel = "sms", defaultLanguage = "en", variants = new[] { new { language = "en", body } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(mentioned);
    }

    [Fact]
    public async Task Versions_a_name_and_previews_in_each_language()
    {
        var first = await _app.CreateTemplateAsync(_incident, SampleTemplates.Email);
        var second = await _app.Client.PostAsJsonAsync($"/api/v1/incidents/{_incident}/templates", SampleTemplates.Email);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(2);

        var fr = await Preview(first, "fr");
        fr.GetProperty("subject").GetString().ShouldBe("Au sujet de Dealer CRM breach");
        System.Net.WebUtility.HtmlDecode(fr.GetProperty("body").GetString()!).ShouldContain("votre adresse électronique, les données de votre carte de paiement");
        fr.GetProperty("body").GetString()!.ShouldContain("2 novembre 2026");
        var ja = await Preview(first, "ja");
        System.Net.WebUtility.HtmlDecode(ja.GetProperty("body").GetString()!).ShouldContain("2026年11月2日");
        System.Net.WebUtility.HtmlDecode(ja.GetProperty("body").GetString()!).ShouldContain("メールアドレス、クレジットカード情報");
        var de = await Preview(first, "de");
        de.GetProperty("language").GetString().ShouldBe("en");
        de.GetProperty("text").GetString()!.ShouldContain("your email address, your payment card details");
    }

    [Fact]
    public async Task Refuses_an_sms_longer_than_the_maximum_segments()
    {
        var response = await _app.Client.PostAsJsonAsync($"/api/v1/incidents/{_incident}/templates", new
        {
            name = "long", channel = "sms", defaultLanguage = "ja",
            variants = new[] { new { language = "ja", body = new string('漏', 250) + "{{ reference_code }}" } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("UCS-2");
    }

    private async Task<JsonElement> Preview(Guid template, string language)
    {
        var response = await _app.Client.PostAsJsonAsync($"/api/v1/templates/{template}/preview", new { language });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
