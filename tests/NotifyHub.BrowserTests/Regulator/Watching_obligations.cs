using Microsoft.Playwright;
using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.BrowserTests.Regulator;

/// <summary>
/// A privacy officer's obligations board for an incident touching several jurisdictions: soonest deadline first, a
/// live countdown, the drafts one click away, and a risk assessment and a filing recorded from the page.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class Watching_obligations(PagesHost host)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("en", "Obligations: ", "Risk assessment recorded.", "Filing recorded.", "Give a rationale")]
    [InlineData("fr", "Obligations : ", "Évaluation des risques enregistrée.", "Dépôt enregistré.", "Donnez une justification")]
    [InlineData("ja", "報告義務：", "リスク評価を記録しました。", "提出を記録しました。", "判断理由を入力してください")]
    public async Task A_privacy_officer_sees_the_soonest_deadline_first_records_an_assessment_and_a_filing(
        string language, string heading, string assessed, string filed, string rationaleError)
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        using var api = await host.ApiClientAsync(account.Email, account.Password);
        var incident = await OpenWithPeopleAsync(api);
        var open = (await ObligationsAsync(api, incident))
            .Where(o => o.GetProperty("status").GetString() is "due" or "overdue" or "needs-assessment" && o.GetProperty("dueAt").ValueKind == JsonValueKind.String)
            .OrderBy(o => o.GetProperty("dueAt").GetDateTimeOffset()).ToList();
        var soonest = open[0].GetProperty("id").GetGuid();

        var page = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(page, account.Email, account.Password);
        await page.GotoAsync($"/console/incidents/{incident}");
        await page.ClickAsync($"a[href='/console/incidents/{incident}/obligations']");
        (await page.TextContentAsync("h1") ?? "").ShouldStartWith(heading);
        (await page.GetAttributeAsync("table.board tbody tr", "id")).ShouldBe($"obligation-{soonest}", "the soonest deadline comes first");
        (await page.Locator("table.board tbody th[scope=row]").AllTextContentsAsync()).Select(t => t.Trim()[..5])
            .ShouldContain(t => t.StartsWith("US-TX", StringComparison.Ordinal));
        // The countdown script runs under the CSP and fills in the first deadline's countdown.
        var countdown = page.Locator($"#obligation-{soonest} .countdown");
        await countdown.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        (await countdown.TextContentAsync() ?? "").ShouldMatch(@"\d");
        var pdfLink = await page.GetAttributeAsync($"#obligation-{soonest} a[href$='format=pdf']", "href") ?? "";
        pdfLink.ShouldBe($"/console/incidents/{incident}/obligations?handler=Draft&obligation={soonest}&format=pdf");
        (await page.Locator("figure.chart svg[role=img]").CountAsync()).ShouldBe(1, "the deadlines' timeline");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"regulator-board-{language}");

        // The draft is one click away: the same builder and renderer as the API, for the signed-in browser.
        var pdf = await page.APIRequest.GetAsync(pdfLink);
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldBe("application/pdf");
        var json = await page.APIRequest.GetAsync(pdfLink.Replace("&format=pdf", "", StringComparison.Ordinal));
        (await json.JsonAsync())!.Value.GetProperty("fields").GetArrayLength().ShouldBeGreaterThan(0);

        // An assessment without a rationale: the API's own refusal, in the page's language, beside the field.
        await page.SelectOptionAsync("#Jurisdiction", "SG");
        await page.CheckAsync("#Harm-likely");
        await page.ClickAsync("form[action$='handler=Assess'] button[type=submit]");
        (await page.TextContentAsync("#Rationale-error") ?? "").ShouldContain(rationaleError);
        (await page.GetAttributeAsync("#Rationale", "aria-invalid")).ShouldBe("true");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"regulator-board-error-{language}");

        await page.FillAsync("#Rationale", "Payment card numbers were copied: fraud is likely.");
        await page.ClickAsync("form[action$='handler=Assess'] button[type=submit]");
        (await page.TextContentAsync("p.notice-ok[role=status]") ?? "").ShouldContain(assessed);
        var singapore = page.Locator("table.board tbody tr", new() { Has = page.Locator("th .jurisdiction:text-is('SG')") });
        (await singapore.Locator(".status-needs-assessment").CountAsync()).ShouldBe(0, "the assessment decided Singapore's obligations");

        await page.SelectOptionAsync("#ObligationId", soonest.ToString());
        await page.FillAsync("#Reference", "CASE-2026-0042");
        await page.ClickAsync("form[action$='handler=File'] button[type=submit]");
        (await page.TextContentAsync("p.notice-ok[role=status]") ?? "").ShouldContain(filed);
        (await page.Locator($"#obligation-{soonest} .status-filed").CountAsync()).ShouldBe(1);
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"regulator-board-filed-{language}");
    }

    [Fact]
    public async Task An_auditor_reads_the_board_without_forms_or_drafts_and_cannot_post()
    {
        var officer = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        using var api = await host.ApiClientAsync(officer.Email, officer.Password);
        var incident = await OpenWithPeopleAsync(api);
        var auditor = await StaffAccounts.CreateAsync(host.App, Roles.Auditor);
        using var client = await CookieClient.CreateAsync(host.BaseAddress, auditor.Email, auditor.Password);

        var html = await client.GetStringAsync(new Uri($"/console/incidents/{incident}/obligations", UriKind.Relative));
        html.ShouldContain("table class=\"data board\"");
        html.ShouldNotContain("handler=File");
        html.ShouldNotContain("handler=Draft");
        var post = await client.PostAsync(new Uri($"/console/incidents/{incident}/obligations?handler=Assess", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Jurisdiction"] = "SG", ["Harm"] = "likely", ["Rationale"] = "x", ["__RequestVerificationToken"] = CookieClient.Token(html),
            }));
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("/console/forbidden");
    }

    /// <summary>An incident with people in Japan, France, Texas, Singapore and the UK, its counts arrived at the regulator.</summary>
    private static async Task<Guid> OpenWithPeopleAsync(HttpClient api)
    {
        var now = TimeProvider.System.GetUtcNow();
        var response = await api.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = $"Dealer CRM breach {Guid.NewGuid():N}"[..24],
            summary = "Customer records copied from a dealer's CRM.",
            discoveredAt = now.AddDays(-2),
            awareAt = now.AddDays(-2),
            determinedAt = now.AddDays(-1),
            cause = "malicious_attack",
            dataCategories = new[] { "name", "email", "payment_card" },
            jurisdictions = new[] { "JP", "FR", "US-TX", "SG", "GB" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var incident = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = new StringBuilder("external_id,given_name,email,country,region\n");
        var people = new (string Country, string Region, int Count)[] { ("JP", "", 6), ("FR", "", 4), ("US", "TX", 3), ("SG", "", 2), ("GB", "", 2) };
        var n = 0;
        foreach (var (country, region, count) in people)
        {
            for (var i = 0; i < count; i++, n++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"ob-{n},Person{n},ob{n}@example.test,{country},{region}\n");
            }
        }

        await Eventually.TrueAsync(async () =>
            (await api.GetAsync(new Uri($"/api/v1/incidents/{incident}/obligations", UriKind.Relative))).IsSuccessStatusCode, Wait,
            "the regulator never heard of the incident");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        content.Headers.ContentType = new("text/csv");
        (await api.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.TrueAsync(async () => (await ObligationsAsync(api, incident))
            .Any(o => o.GetProperty("jurisdiction").GetString() == "JP" && o.GetProperty("affected").GetInt64() == 6), Wait,
            "the counts never reached the regulator");
        return incident;
    }

    private static async Task<List<JsonElement>> ObligationsAsync(HttpClient api, Guid incident) =>
        [.. (await api.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/obligations")).EnumerateArray()];
}
