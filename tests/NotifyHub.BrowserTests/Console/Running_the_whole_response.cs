using Microsoft.Playwright;
using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;
using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace NotifyHub.BrowserTests.Console;

/// <summary>
/// The whole breach response from pages alone, as a new privacy officer would run it: from the one-time password an
/// admin hands over to a finished campaign, then a vendor registered and revoked by the admin and the audit chain
/// verified by an auditor. Every page on the way is scanned with axe-core and walked with the keyboard.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class Running_the_whole_response(PagesHost host, ITestOutputHelper output)
{
    /// <summary>The issue's figure: an import of 10,000 people, one in 500 of them with a bad email address.</summary>
    private const int People = 10_000;

    private const int BadEvery = 500;

    [Theory]
    [InlineData("en", "Completed")]
    [InlineData("ja", "完了")]
    public async Task A_new_privacy_officer_runs_the_response_from_pages_and_an_auditor_verifies_the_chain(string language, string completed)
    {
        var watch = Stopwatch.StartNew();
        var admin = await StaffAccounts.CreateAsync(host.App, Roles.Admin);
        var adminPage = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(adminPage, admin.Email, admin.Password);

        // The admin creates the privacy officer's account and reads out its one-time password.
        var email = $"po-{Guid.NewGuid():N}@notifyhub.test";
        var oneTime = await CreateStaffAsync(adminPage, language, email);

        // The privacy officer signs in with it and must choose a password first.
        var page = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(page, email, oneTime);
        page.Url.ShouldEndWith("/console/password");
        const string password = "Breach-Resp0nse!Officer";
        await page.FillAsync("#CurrentPassword", oneTime);
        await page.FillAsync("#NewPassword", password);
        await page.FillAsync("#ConfirmPassword", password);
        await page.ClickAsync("main button[type=submit]");
        page.Url.ShouldEndWith("/console");

        // The second factor, with the code of the key the page shows.
        await page.GotoAsync("/console/two-factor");
        var key = (await page.TextContentAsync("code.key"))!.Replace(" ", "", StringComparison.Ordinal);
        await page.FillAsync("#Code", Totp.Code(key));
        await page.ClickAsync("main button[type=submit]");
        (await page.QuerySelectorAllAsync("ul.codes li")).Count.ShouldBe(10);

        var incident = await OpenIncidentAsync(page, $"Vendor breach ({language})");
        await ImportAsync(page, incident, completed);
        output.WriteLine($"{language}: {People:N0} people imported after {watch.Elapsed.TotalSeconds:F1} s");

        var template = await WriteTemplateAsync(page, incident, language);
        await LaunchCampaignAsync(page, incident, template, completed);
        output.WriteLine($"{language}: campaign to {People - People / BadEvery:N0} people completed after {watch.Elapsed.TotalSeconds:F1} s");

        await RegisterAndRevokeVendorAsync(adminPage, language);
        await VerifyAuditChainAsync(language);
    }

    private static async Task<string> CreateStaffAsync(IPage page, string language, string email)
    {
        await page.GotoAsync("/console/staff");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"staff-{language}");

        // No role: the message sits beside the roles, and the email typed stays.
        await page.FillAsync("#Email", email);
        await page.ClickAsync("form[action*=Create] button[type=submit]");
        (await page.Locator("#SelectedRoles-error").CountAsync()).ShouldBe(1);
        (await page.InputValueAsync("#Email")).ShouldBe(email);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"staff-errors-{language}");

        await page.CheckAsync($"input[name=SelectedRoles][value={Roles.PrivacyOfficer}]");
        await page.ClickAsync("form[action*=Create] button[type=submit]");
        var password = (await page.TextContentAsync("#one-time-password"))!.Trim();
        password.Length.ShouldBeGreaterThan(20);
        (await page.Locator("table.data td", new() { HasTextString = email }).CountAsync()).ShouldBe(1);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"staff-created-{language}");
        return password;
    }

    private static async Task<Guid> OpenIncidentAsync(IPage page, string title)
    {
        await page.GotoAsync("/console/incidents/new");
        await page.FillAsync("#Title", title);
        await page.FillAsync("#Summary", "The outsourced call centre's systems were accessed.");
        await page.FillAsync("#DiscoveredAt", "2026-11-20T09:30");
        await page.SelectOptionAsync("#Cause", "vendor");
        await page.CheckAsync("input[name=DataCategories][value=name]");
        await page.CheckAsync("input[name=DataCategories][value=email]");
        await page.FillAsync("#Jurisdictions", "AU, JP");
        await page.ClickAsync("main button[type=submit]");
        page.Url.ShouldMatch("/console/incidents/[0-9a-f-]{36}$");
        return Guid.Parse(page.Url[^36..]);
    }

    private static async Task ImportAsync(IPage page, Guid incident, string completed)
    {
        await page.GotoAsync($"/console/incidents/{incident}/imports/new");
        await page.SetInputFilesAsync("#File", new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = PeopleCsv() });
        await page.ClickAsync("main button[type=submit]");

        await page.Locator("#import-progress .status", new() { HasTextString = completed })
            .WaitForAsync(new LocatorWaitForOptions { Timeout = 600_000 });
        var counters = await page.Locator(".counters .value").AllTextContentsAsync();
        Digits(counters[0]).ShouldBe(People.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Digits(counters[3]).ShouldBe((People / BadEvery).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[download]"));
        var report = await File.ReadAllLinesAsync(await download.PathAsync());
        report[0].ShouldStartWith("line,column,code,message");
        report.Length.ShouldBe(1 + People / BadEvery);
        string.Join('\n', report).Contains("not-an-email", StringComparison.Ordinal).ShouldBeFalse("the report never echoes a rejected value");
    }

    private static async Task<Guid> WriteTemplateAsync(IPage page, Guid incident, string language)
    {
        // The notifications module learns of the incident from the bus; it has by the time the import has finished,
        // but the page is asked again rather than assumed.
        await Eventually.TrueAsync(async () =>
            (await page.GotoAsync($"/console/incidents/{incident}/templates"))!.Status == 200,
            TimeSpan.FromSeconds(30), "the notifications module should learn of the incident");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"templates-{language}");

        // An unknown variable: the message sits beside that language's message, and what was typed stays.
        const string brokenBody = "Dear {{ given_name }}, your code is {{ referense_code }}.";
        await page.FillAsync("#Name", "First notice");
        await page.FillAsync("#variant-0-subject", "About {{ incident.title }}");
        await page.FillAsync("#variant-0-body", brokenBody);
        await page.FillAsync("#variant-2-subject", "{{ incident.title }} について");
        await page.FillAsync("#variant-2-body", "{{ family_name }} {{ given_name }} 様\n\n照会コード: {{ reference_code }}\n{{ portal_url }}");
        // The live preview, before anything is saved: Japanese rendered for the sample person, English's misspelling said.
        await page.Locator("#draft-preview").GetByText("山田 花子 様").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        (await page.TextContentAsync("#draft-preview") ?? "").ShouldContain("referense_code");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"templates-live-preview-{language}");
        await page.ClickAsync("main form button[type=submit]");
        (await page.GetAttributeAsync("#variant-0-body", "aria-invalid")).ShouldBe("true");
        (await page.TextContentAsync("[id='Variants[0].Body-error']") ?? "").ShouldContain("referense_code");
        (await page.InputValueAsync("#variant-0-body")).ShouldBe(brokenBody);
        (await page.InputValueAsync("#Name")).ShouldBe("First notice");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"templates-errors-{language}");

        await page.FillAsync("#variant-0-body", "Dear {{ given_name }},\n\nYour reference code is {{ reference_code }}.\nSee {{ portal_url }}");
        await page.ClickAsync("main form button[type=submit]");
        page.Url.ShouldMatch("/console/templates/[0-9a-f-]{36}$");
        var previews = await page.Locator(".preview-body").AllTextContentsAsync();
        previews.Count.ShouldBe(2, "one preview per language written (en and ja; French was left empty)");
        previews[0].ShouldContain("Dear Alex");
        previews[1].ShouldContain("山田 花子 様");
        var text = await page.TextContentAsync("main") ?? "";
        text.Contains("Given", StringComparison.Ordinal).ShouldBeFalse("a preview never shows a real person of the incident");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"template-preview-{language}");
        return Guid.Parse(page.Url[^36..]);
    }

    private static async Task LaunchCampaignAsync(IPage page, Guid incident, Guid template, string completed)
    {
        await page.GotoAsync($"/console/incidents/{incident}/notices");
        await page.ClickAsync($"a[href='/console/incidents/{incident}/campaigns/new']");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        var language = await page.GetAttributeAsync("html", "lang");
        await page.SaveScreenshotAsync($"campaign-new-{language}");

        // A channel ticked without its template: said beside the template's choice, the name typed stays.
        await page.FillAsync("#Name", "First notice by email");
        await page.CheckAsync("input[name=Channels][value=email]");
        await page.ClickAsync("main form button[type=submit]");
        (await page.GetAttributeAsync("#template-email", "aria-invalid")).ShouldBe("true");
        (await page.InputValueAsync("#Name")).ShouldBe("First notice by email");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"campaign-new-errors-{language}");

        await page.SelectOptionAsync("#template-email", template.ToString());
        await page.ClickAsync("main form button[type=submit]");
        page.Url.ShouldMatch("/console/campaigns/[0-9a-f-]{36}$");
        await page.ClickAsync("form[action*=Launch] button");

        // htmx refreshes the progress in place, and the whole page once the campaign's status changes: it completes
        // once every notice has an outcome.
        await page.Locator(".summary-list .status", new() { HasTextString = completed })
            .WaitForAsync(new LocatorWaitForOptions { Timeout = 600_000 });
        var counters = await page.Locator("#campaign-progress .counters .value").AllTextContentsAsync();
        Digits(counters[0]).ShouldBe((People - People / BadEvery).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await page.Locator("form[action*=Pause]").CountAsync()).ShouldBe(0, "a completed campaign offers no action");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"campaign-completed-{language}");
    }

    private static async Task RegisterAndRevokeVendorAsync(IPage page, string language)
    {
        await page.GotoAsync("/console/vendors");
        await page.ClickAsync("main form button[type=submit]");
        (await page.GetAttributeAsync("#Name", "aria-invalid")).ShouldBe("true");
        await page.AssertAccessibleAsync();

        var name = $"Call centre {language} {Guid.NewGuid():N}"[..30];
        await page.FillAsync("#Name", name);
        await page.ClickAsync("main form button[type=submit]");
        page.Url.ShouldEndWith("/console/vendors");
        (await page.Locator("table.data td", new() { HasTextString = name }).CountAsync()).ShouldBe(1);
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"vendors-{language}");

        var row = page.Locator("table.data tr", new() { HasTextString = name });
        await row.Locator("a").ClickAsync();
        await page.FillAsync("#Confirmation", "another name");
        await page.ClickAsync("main form button[type=submit]");
        (await page.GetAttributeAsync("#Confirmation", "aria-invalid")).ShouldBe("true");
        (await page.InputValueAsync("#Confirmation")).ShouldBe("another name");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"vendor-revoke-{language}");

        await page.FillAsync("#Confirmation", name);
        await page.ClickAsync("main form button[type=submit]");
        page.Url.ShouldEndWith("/console/vendors");
        (await row.Locator(".status-revoked").CountAsync()).ShouldBe(1);
        (await row.Locator("a").CountAsync()).ShouldBe(0, "a revoked vendor cannot be revoked again");
    }

    private async Task VerifyAuditChainAsync(string language)
    {
        var auditor = await StaffAccounts.CreateAsync(host.App, Roles.Auditor);
        var page = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(page, auditor.Email, auditor.Password);
        await page.GotoAsync("/console/audit");
        (await page.Locator("table.data tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();

        // A window that ends before it starts: said beside its end, both times kept.
        await page.FillAsync("#From", "2026-11-21T10:00");
        await page.FillAsync("#To", "2026-11-20T10:00");
        await page.ClickAsync("form[method=get] button[type=submit]");
        (await page.GetAttributeAsync("#To", "aria-invalid")).ShouldBe("true");
        (await page.InputValueAsync("#From")).ShouldBe("2026-11-21T10:00");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/console/audit");
        await page.ClickAsync("form[action*=Verify] button");
        (await page.GetAttributeAsync("#verification", "class") ?? "").ShouldContain("notice-ok");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"audit-verified-{language}");
    }

    /// <summary>External ids and names that say they are made up; every <see cref="BadEvery"/>th email is invalid.</summary>
    private static byte[] PeopleCsv()
    {
        var csv = new StringBuilder("external_id,given_name,family_name,email,country,language,data_categories\n");
        for (var i = 1; i <= People; i++)
        {
            var japanese = i % 2 == 0;
            var email = i % BadEvery == 0 ? "not-an-email" : $"person{i}@example.test";
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"p-{i},Given{i},Family{i},{email},{(japanese ? "JP" : "AU")},{(japanese ? "ja" : "en")},name;email\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Counters are printed in the reader's culture ("10,000"); the digits alone are compared.</summary>
    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);
}
