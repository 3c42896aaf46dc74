using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.BrowserTests.Notifications;

/// <summary>
/// A privacy officer tries to launch a letter campaign, is told which proofs are missing, downloads each proof from
/// the template's page and approves it, and then launches.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class Approving_letter_proofs(PagesHost host)
{
    [Theory]
    [InlineData("en", "Launch", "Draft", "Download the proof in {0} (PDF)", "Approve the proof in {0}")]
    [InlineData("ja", "開始", "下書き", "校正をダウンロード（{0}、PDF）", "校正を承認（{0}）")]
    public async Task A_letter_campaign_launches_once_each_language_s_proof_is_approved_on_the_template_page(
        string language, string launch, string draft, string download, string approve)
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var incident = await TestIncidents.OpenAsync(host.App, "Incident with a letter");
        var (template, campaign) = await CreateLetterCampaignAsync(account, incident);
        var page = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(page, account.Email, account.Password);

        await page.GotoAsync($"/console/campaigns/{campaign}");
        await page.ClickAsync($"button:text-is('{launch}')");
        (await page.TextContentAsync(".error-summary") ?? "").ShouldContain("en, fr", customMessage: "the languages whose proof is missing");
        (await page.TextContentAsync(".summary-list .status")).ShouldBe(draft);
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/console/templates/{template}");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"template-proofs-{language}");
        foreach (var variant in new[] { "en", "fr" })
        {
            var link = page.Locator($"a:text-is('{Format(download, variant)}')");
            var proof = await page.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
            proof.Headers["content-type"].ShouldBe("application/pdf");
            Convert.ToHexString((await proof.BodyAsync())[..4]).ShouldBe("25504446", "a PDF (%PDF)");
            await page.ClickAsync($"button:text-is('{Format(approve, variant)}')");
            await page.Locator($"[id='proof-{variant}'] .status-completed").WaitForAsync();
        }

        (await page.Locator("form[action*=Approve]").CountAsync()).ShouldBe(0, "both proofs approved: nothing left to approve");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"template-proofs-approved-{language}");

        await page.GotoAsync($"/console/campaigns/{campaign}");
        await page.ClickAsync($"button:text-is('{launch}')");
        (await page.TextContentAsync(".summary-list .status")).ShouldNotBe(draft);
    }

    private static string Format(string text, string argument) => string.Format(CultureInfo.InvariantCulture, text, argument);

    private async Task<(Guid Template, Guid Campaign)> CreateLetterCampaignAsync(StaffAccounts.Account account, Guid incident)
    {
        using var api = await host.ApiClientAsync(account.Email, account.Password);
        Guid? template = null;
        // The notifications module learns of the incident from the bus: retry until it has.
        await Eventually.TrueAsync(async () =>
        {
            var response = await api.PostAsJsonAsync($"/api/v1/incidents/{incident}/templates", new
            {
                name = "First notice by letter",
                channel = "letter",
                defaultLanguage = "en",
                variants = new[]
                {
                    new { language = "en", subject = "Notice of a data breach", body = "Dear {{ given_name }} {{ family_name }},\n\nYour code is {{ reference_code }}." },
                    new { language = "fr", subject = "Avis de violation de données", body = "Madame, Monsieur {{ family_name }},\n\nVotre code : {{ reference_code }}." },
                },
            });
            template = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid() : null;
            return template is not null;
        }, TimeSpan.FromSeconds(30), "the notifications module should learn of the incident");
        var created = await api.PostAsJsonAsync($"/api/v1/incidents/{incident}/campaigns", new
        {
            name = "First notice by letter",
            channels = new[] { "letter" },
            strategy = "all",
            templates = new Dictionary<string, Guid> { ["letter"] = template!.Value },
        });
        created.EnsureSuccessStatusCode();
        return (template.Value, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }
}
