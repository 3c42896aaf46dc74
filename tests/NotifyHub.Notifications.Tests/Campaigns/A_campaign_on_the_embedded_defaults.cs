using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Letters;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.Notifications;
using NotifyHub.Testing.Parties;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;

namespace NotifyHub.Notifications.Tests.Campaigns;

/// <summary>The acceptance test: 1,000 people, every channel, launched through the API, all on disk and all delivered.</summary>
public sealed partial class A_campaign_on_the_embedded_defaults
{
    [Fact]
    public async Task Notifies_1000_people_once_each_through_their_first_available_channel()
    {
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?> { ["NotifyHub:Letters:BatchSize"] = "100" });
        var incident = await app.OpenIncidentAsync();
        var languages = new[] { "en", "fr", "ja" };
        // 600 with email, 250 with only a phone, 150 with only a postal address.
        var people = Enumerable.Range(0, 1000).Select(i => TestPerson.Create(i, languages[i % 3],
            email: i < 600 ? $"person{i}@example.test" : null,
            phone: i is >= 600 and < 850 ? $"+447911{i:D6}" : null,
            address: i >= 850 || i % 7 == 0 ? $"{i} High Street" : null)).ToList();
        await app.SeedAndWaitAsync(incident, people);
        var templates = await app.StandardTemplatesAsync(incident);
        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms", "letter"], "first-available", templates);

        await app.LaunchAsync(campaign);
        var view = await app.WaitForCampaignAsync(campaign, seconds: 120);

        view.GetProperty("total").GetInt32().ShouldBe(1000);
        view.GetProperty("delivered").GetInt32().ShouldBe(1000);
        view.GetProperty("byChannel").GetProperty("email").GetProperty("delivered").GetInt32().ShouldBe(600);
        view.GetProperty("byChannel").GetProperty("sms").GetProperty("delivered").GetInt32().ShouldBe(250);
        view.GetProperty("byChannel").GetProperty("letter").GetProperty("delivered").GetInt32().ShouldBe(150);

        var found = new List<string>();
        var emails = await OutboxFiles.EmailsAsync(app.Factory.Services, app.Factory.DataDirectory);
        emails.Count.ShouldBe(600);
        found.AddRange(emails.Select(m => Code(OutboxFiles.Text(m))));
        var sms = await OutboxFiles.SmsAsync(app.Factory.Services, app.Factory.DataDirectory);
        sms.Count.ShouldBe(250);
        found.AddRange(sms.Select(Code));
        found.AddRange(await LetterCodesAsync(app));

        found.Count.ShouldBe(1000);
        found.ShouldBeUnique();
        found.Order().ShouldBe(people.Select(p => p.ReferenceCode).Order());
    }

    [Fact]
    public async Task Notifies_1000_people_imported_through_the_api_each_with_their_own_reference_code()
    {
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?> { ["NotifyHub:Letters:BatchSize"] = "100" });
        var incident = await app.OpenIncidentAsync();
        var csv = new StringBuilder("external_id,given_name,family_name,email,phone,address_line1,locality,postcode,country,language\n");
        var languages = new[] { "en", "fr", "ja" };
        for (var i = 0; i < 1000; i++)
        {
            // 600 with email, 250 with only a (UK mobile) phone, 150 with only a postal address.
            var email = i < 600 ? $"imported{i}@example.test" : "";
            var phone = i is >= 600 and < 850 ? $"07911 1{i:D5}" : "";
            var address = i >= 850 ? $"{i} Rue de la Paix" : "";
            csv.Append(CultureInfo.InvariantCulture, $"P-{i:D5},Given{i},Family{i},{email},{phone},{address},Lyon,69001,GB,{languages[i % 3]}\n");
        }

        using var body = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        var started = await app.Client.PostAsync($"/api/v1/incidents/{incident}/imports", body);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var importId = (await started.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("importId").GetGuid();
        var status = default(System.Text.Json.JsonElement);
        await Eventually.TrueAsync(async () =>
        {
            status = await app.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/incidents/{incident}/imports/{importId}");
            return status.GetProperty("status").GetString() != "running";
        }, TimeSpan.FromSeconds(60));
        status.GetProperty("accepted").GetInt32().ShouldBe(1000, status.ToString());
        await Eventually.TrueAsync(() => app.QueryAsync(async db =>
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AffectedParties, p => p.IncidentId == incident) == 1000),
            TimeSpan.FromSeconds(60));
        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms", "letter"], "first-available", await app.StandardTemplatesAsync(incident));

        await app.LaunchAsync(campaign);
        var view = await app.WaitForCampaignAsync(campaign, seconds: 120);

        view.GetProperty("delivered").GetInt32().ShouldBe(1000);
        view.GetProperty("byChannel").GetProperty("email").GetProperty("delivered").GetInt32().ShouldBe(600);
        view.GetProperty("byChannel").GetProperty("sms").GetProperty("delivered").GetInt32().ShouldBe(250);
        view.GetProperty("byChannel").GetProperty("letter").GetProperty("delivered").GetInt32().ShouldBe(150);
        var codes = (await OutboxFiles.EmailsAsync(app.Factory.Services, app.Factory.DataDirectory)).Select(m => ImportedCode(OutboxFiles.Text(m)))
            .Concat((await OutboxFiles.SmsAsync(app.Factory.Services, app.Factory.DataDirectory)).Select(ImportedCode))
            .Concat(await LetterCodesAsync(app, ImportedReferenceCode()))
            .ToList();
        codes.Count.ShouldBe(1000);
        codes.ShouldBeUnique();
    }

    [Fact]
    public async Task Refuses_to_launch_when_a_channel_has_no_template_and_sends_nothing()
    {
        await using var app = await NotificationsApp.StartAsync();
        var incident = await app.OpenIncidentAsync();
        await app.SeedAndWaitAsync(incident, [TestPerson.Create(1, email: "a@example.test")]);
        var email = await app.CreateTemplateAsync(incident, SampleTemplates.Email);
        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms"], "all", new() { ["email"] = email });

        var response = await app.Client.PostAsync($"/api/v1/campaigns/{campaign}/launch", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("sms");
        (await app.CampaignAsync(campaign)).GetProperty("status").GetString().ShouldBe("draft");
        Directory.Exists(Path.Combine(app.Outbox, "email")).ShouldBeFalse();
    }

    [Fact]
    public async Task Notifies_a_person_whose_projection_arrives_after_launch()
    {
        await using var app = await NotificationsApp.StartAsync();
        var incident = await app.OpenIncidentAsync();
        await app.SeedAndWaitAsync(incident, [TestPerson.Create(1, email: "early@example.test")]);
        var campaign = await app.CreateCampaignAsync(incident, ["email"], "all", new() { ["email"] = await app.CreateTemplateAsync(incident, SampleTemplates.Email) });
        await app.LaunchAsync(campaign);
        await app.WaitForCampaignAsync(campaign);

        var late = TestPerson.Create(2, "fr", email: "late@example.test");
        await app.SeedAsync(incident, [late]);

        await Eventually.TrueAsync(async () => (await app.CampaignAsync(campaign)).GetProperty("delivered").GetInt32() == 2, TimeSpan.FromSeconds(30));
        (await OutboxFiles.EmailsAsync(app.Factory.Services, app.Factory.DataDirectory)).Select(OutboxFiles.Text).ShouldContain(t => t.Contains(late.ReferenceCode, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("first-available", new[] { "email" })]
    [InlineData("all", new[] { "email", "sms" })]
    public async Task A_person_imported_after_launch_gets_the_campaigns_choice_of_the_channels_they_have(string strategy, string[] expected)
    {
        await using var app = await NotificationsApp.StartAsync();
        var incident = await app.OpenIncidentAsync();
        await app.SeedAndWaitAsync(incident, [TestPerson.Create(1, email: "early@example.test")]);
        var templates = await app.StandardTemplatesAsync(incident);
        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms"], strategy, new() { ["email"] = templates["email"], ["sms"] = templates["sms"] });
        await app.LaunchAsync(campaign);
        await app.WaitForCampaignAsync(campaign);

        // One message brings both of the person's projections; email is the campaign's first choice.
        var late = TestPerson.Create(2, email: "late@example.test", phone: "+447911000002");
        await ProjectedPartiesSeeder.PublishAsync(app.Factory.Services, incident, [late]);

        await Eventually.TrueAsync(async () => (await app.CampaignAsync(campaign)).GetProperty("delivered").GetInt32() == 1 + expected.Length,
            TimeSpan.FromSeconds(30), "everyone delivered");
        await app.WaitForCampaignAsync(campaign);
        var channels = await app.QueryAsync(db => db.Notifications.Where(n => n.CampaignId == campaign && n.PersonId == late.Id)
            .Select(n => n.Channel).ToListAsync());
        channels.Select(c => c.ToCode()).Order().ShouldBe(expected);
    }

    [Fact]
    public async Task Pause_holds_sending_resume_finishes_and_cancel_closes_the_rest()
    {
        // One email per delivery batch: each is recorded as it goes, so the first "delivered" comes early in the 10 s
        // campaign, not with the last of four interleaved 50-email batches.
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Notifications:Throttle:Email"] = "20",
            ["NotifyHub:Notifications:DeliveryBatchSize"] = "1",
        });
        var incident = await app.OpenIncidentAsync();
        await app.SeedAndWaitAsync(incident, [.. Enumerable.Range(0, 200).Select(i => TestPerson.Create(i, email: $"p{i}@example.test"))]);
        var template = await app.CreateTemplateAsync(incident, SampleTemplates.Email);
        var first = await app.CreateCampaignAsync(incident, ["email"], "all", new() { ["email"] = template });
        await app.LaunchAsync(first);
        await Eventually.TrueAsync(async () => (await app.CampaignAsync(first)).GetProperty("delivered").GetInt32() > 0, TimeSpan.FromSeconds(30));

        (await app.Client.PostAsync($"/api/v1/campaigns/{first}/pause", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await app.CampaignAsync(first)).GetProperty("status").GetString().ShouldBe("paused");
        (await app.Client.PostAsync($"/api/v1/campaigns/{first}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var done = await app.WaitForCampaignAsync(first, seconds: 60);
        done.GetProperty("delivered").GetInt32().ShouldBe(200);

        var second = await app.CreateCampaignAsync(incident, ["email"], "all", new() { ["email"] = template });
        await app.LaunchAsync(second);
        (await app.Client.PostAsync($"/api/v1/campaigns/{second}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var cancelled = await app.CampaignAsync(second);
        cancelled.GetProperty("status").GetString().ShouldBe("cancelled");
        (await app.Client.PostAsync($"/api/v1/campaigns/{second}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static string ImportedCode(string text) => ImportedReferenceCode().Match(text) is { Success: true } m
        ? m.Value
        : throw new ShouldAssertException($"no reference code in: {text}");

    private static string Code(string text) => ReferenceCode().Match(text) is { Success: true } m ? m.Value : throw new ShouldAssertException($"no reference code in: {text}");

    private static Task<List<string>> LetterCodesAsync(NotificationsApp app) => LetterCodesAsync(app, ReferenceCode());

    private static async Task<List<string>> LetterCodesAsync(NotificationsApp app, Regex referenceCode)
    {
        var codes = new List<string>();
        foreach (var batch in await LetterBatchReader.ReadAllAsync(app))
        {
            var letters = referenceCode.Matches(batch.Text).Select(m => m.Value).Distinct().ToList();
            (batch.Manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1).ShouldBe(letters.Count);
            codes.AddRange(letters);
        }

        return codes;
    }

    [GeneratedRegex(@"REF-\d{6}-[0-9A-F]{4}")]
    private static partial Regex ReferenceCode();

    /// <summary>Intake's codes: four groups of four Crockford base32 symbols.</summary>
    [GeneratedRegex(@"\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b")]
    private static partial Regex ImportedReferenceCode();
}
