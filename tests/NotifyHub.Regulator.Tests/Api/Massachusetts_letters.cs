using NotifyHub.Regulator.Tests.Support;
using NotifyHub.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Regulator.Tests.Api;

/// <summary>
/// Massachusetts forbids the residents' notice to state the nature of the breach or the number of residents affected.
/// The notifications module fingerprints each template it stores (NoticeTemplateAdded); the regulator warns on the
/// Massachusetts residents' notice when a template states either, and only then.
/// </summary>
public sealed class Massachusetts_letters : IAsyncLifetime
{
    private const int Residents = 12;
    private readonly NotifyHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_letter_stating_the_count_and_the_cause_is_flagged_and_a_plain_one_is_not()
    {
        var api = await RegulatorApi.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync(["US-MA"], cause: "malicious_attack",
            summary: "Ransomware encrypted the billing database and attackers copied customer records.");
        await api.ImportCsvAsync(incident, Csv());
        static bool ResidentNotice(RegulatorApi.ObligationView o) => o.Jurisdiction == "US-MA" && o.Kind == "individual-notice";
        await api.WaitForAsync(incident, ResidentNotice, o => o.Affected == Residents, "the Massachusetts count never arrived");

        var plain = await CreateLetterAsync(api, incident, "Plain letter",
            "Dear {{ given_name }},\n\nWe are writing to let you know about a data security incident that may involve your personal information.\n"
            + "You have the right to obtain a police report. You may place a security freeze on your credit file free of charge.\n"
            + "Your reference code is {{ reference_code }}.");
        var telling = await CreateLetterAsync(api, incident, "Telling letter",
            $"Dear {{{{ given_name }}}},\n\nA ransomware attack on our billing systems affected {Residents} Massachusetts residents, including you.\n"
            + "Your reference code is {{ reference_code }}.");
        var notice = await api.WaitForAsync(incident, ResidentNotice, o => o.Warnings is { Count: > 0 }, "no warning ever appeared");

        notice.Warnings!.Where(w => w.TemplateId == telling).Select(w => w.Code).Order().ShouldBe(["affected-count", "nature"]);
        notice.Warnings!.ShouldAllBe(w => w.TemplateId != plain);
        notice.Warnings!.ShouldAllBe(w => w.Channel == "letter" && w.Language == "en");
        // Only the rule that says so checks letters: the Attorney General's notice must state both.
        (await api.ObligationsAsync(incident)).Where(o => !ResidentNotice(o)).ShouldAllBe(o => o.Warnings == null || o.Warnings.Count == 0);
    }

    [Fact]
    public async Task A_new_version_of_a_template_that_no_longer_states_the_count_clears_its_warning()
    {
        var api = await RegulatorApi.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync(["US-MA"], cause: "lost_device", summary: "A courier lost a backup tape.");
        await api.ImportCsvAsync(incident, Csv());
        static bool ResidentNotice(RegulatorApi.ObligationView o) => o.Jurisdiction == "US-MA" && o.Kind == "individual-notice";
        await api.WaitForAsync(incident, ResidentNotice, o => o.Affected == Residents, "the Massachusetts count never arrived");

        await CreateLetterAsync(api, incident, "Letter", "About 1,500 people are affected. Code {{ reference_code }}.");
        await api.WaitForAsync(incident, ResidentNotice, o => o.Warnings is { Count: 1 } w && w[0].Code == "affected-count", "the count was not flagged");
        await CreateLetterAsync(api, incident, "Letter", "You may request a security freeze free of charge. Code {{ reference_code }}.");

        await api.WaitForAsync(incident, ResidentNotice, o => o.Warnings is { Count: 0 }, "the new version did not replace the old one");
    }

    private static async Task<Guid> CreateLetterAsync(RegulatorApi api, Guid incident, string name, string body)
    {
        HttpResponseMessage? response = null;
        // The notifications module learns of the incident through the bus too.
        await Eventually.TrueAsync(async () =>
        {
            response = await api.Http.PostAsJsonAsync($"/api/v1/incidents/{incident}/templates", new
            {
                name,
                channel = "letter",
                defaultLanguage = "en",
                variants = new[] { new { language = "en", subject = "Important information", body } },
            });
            return response.StatusCode != HttpStatusCode.NotFound;
        }, TimeSpan.FromSeconds(30), "notifications never heard of the incident");
        response!.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string Csv()
    {
        var csv = new StringBuilder("external_id,given_name,email,country,region\n");
        for (var i = 0; i < Residents; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"ma-{i},Person{i},ma{i}@example.test,US,MA\n");
        }

        return csv.ToString();
    }
}
