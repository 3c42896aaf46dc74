using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.BrowserTests.Notifications;

[Collection(PagesCollection.Name)]
public sealed class Running_a_campaign(PagesHost host)
{
    [Theory]
    [InlineData("en", "Launch", "Draft")]
    [InlineData("ja", "開始", "下書き")]
    public async Task A_privacy_officer_launches_a_campaign_and_sees_its_progress_per_channel(string language, string launch, string draft)
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var incident = await TestIncidents.OpenAsync(host.App, "Incident with a campaign");
        var campaign = await CreateCampaignAsync(account, incident);
        var page = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(page, account.Email, account.Password);

        await page.GotoAsync($"/console/incidents/{incident}/notices");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"notices-{language}");
        await page.ClickAsync($"a[href='/console/campaigns/{campaign}']");

        (await page.TextContentAsync(".summary-list .status")).ShouldBe(draft);
        (await page.Locator("figure.chart svg[role=img]").CountAsync()).ShouldBe(1);
        (await page.Locator("figure.chart table th[scope=row]").CountAsync()).ShouldBe(1, "one row per channel in the chart's table");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"campaign-draft-{language}");

        await page.ClickAsync($"button:text-is('{launch}')");

        (await page.TextContentAsync(".summary-list .status")).ShouldNotBe(draft);
        (await page.Locator($"button:text-is('{launch}')").CountAsync()).ShouldBe(0);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"campaign-launched-{language}");
    }

    private async Task<Guid> CreateCampaignAsync(StaffAccounts.Account account, Guid incident)
    {
        using var api = await host.ApiClientAsync(account.Email, account.Password);
        Guid? template = null;
        // The notifications module learns of the incident from the bus: retry until it has.
        await Eventually.TrueAsync(async () =>
        {
            var response = await api.PostAsJsonAsync($"/api/v1/incidents/{incident}/templates", new
            {
                name = "First notice",
                channel = "email",
                defaultLanguage = "en",
                variants = new[] { new { language = "en", subject = "About {{ incident.title }}", body = "<p>Dear {{ given_name }}, code {{ reference_code }}.</p>" } },
            });
            template = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid() : null;
            return template is not null;
        }, TimeSpan.FromSeconds(30), "the notifications module should learn of the incident");
        var created = await api.PostAsJsonAsync($"/api/v1/incidents/{incident}/campaigns", new
        {
            name = "First notice by email",
            channels = new[] { "email" },
            strategy = "first-available",
            templates = new Dictionary<string, Guid> { ["email"] = template!.Value },
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
