using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Testing;

namespace NotifyHub.BrowserTests.Incidents;

[Collection(PagesCollection.Name)]
public sealed class Managing_incidents(PagesHost host)
{
    [Theory]
    [InlineData("en", "Open an incident", "Choose a cause")]
    [InlineData("ja", "インシデントの登録", "原因を選択してください")]
    public async Task A_privacy_officer_opens_an_incident_from_the_form(string language, string heading, string causeError)
    {
        var page = await SignedInAsync(language);
        await page.GotoAsync("/console/incidents");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();

        await page.ClickAsync("main a.button");
        (await page.TextContentAsync("h1")).ShouldBe(heading);
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"incident-open-{language}");

        await page.FillAsync("#Title", "Call-centre vendor breach");
        await page.ClickAsync("main button[type=submit]");
        (await page.Locator(".error-summary li").AllTextContentsAsync()).Select(t => t.Trim()).ShouldContain(causeError);
        (await page.GetAttributeAsync("#Cause", "aria-invalid")).ShouldBe("true");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"incident-open-errors-{language}");

        await page.FillAsync("#Summary", "The outsourced call centre's systems were accessed.");
        await page.FillAsync("#DiscoveredAt", "2026-11-20T09:30");
        await page.SelectOptionAsync("#Cause", "vendor");
        await page.CheckAsync("input[name=DataCategories][value=name]");
        await page.CheckAsync("input[name=DataCategories][value=date_of_birth]");
        await page.FillAsync("#Jurisdictions", "AU, jp");
        await page.ClickAsync("main button[type=submit]");

        page.Url.ShouldMatch("/console/incidents/[0-9a-f-]{36}$");
        (await page.TextContentAsync("h1")).ShouldBe("Call-centre vendor breach");
        (await page.TextContentAsync(".summary-list") ?? "").ShouldContain("AU, JP");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"incident-details-{language}");

        await page.GotoAsync("/console/incidents");
        (await page.Locator("table.data a", new() { HasTextString = "Call-centre vendor breach" }).CountAsync()).ShouldBeGreaterThan(0);
        await page.SaveScreenshotAsync($"incidents-list-{language}");
    }

    [Fact]
    public async Task Closing_an_incident_records_its_retention_period()
    {
        var incident = await TestIncidents.OpenAsync(host.App, "Incident to close");
        var page = await SignedInAsync("en");
        await page.GotoAsync($"/console/incidents/{incident}");

        await page.FillAsync("#RetentionDays", "30");
        await page.ClickAsync("button.button-danger");

        (await page.TextContentAsync(".summary-list .status")).ShouldBe("Closed");
        (await page.TextContentAsync(".summary-list") ?? "").ShouldContain("Personal data kept until");
        (await page.Locator("#RetentionDays").CountAsync()).ShouldBe(0, "a closed incident has no close form");
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("en", "Completed")]
    [InlineData("ja", "完了")]
    public async Task An_import_shows_its_counts_as_they_grow_and_offers_the_error_report(string language, string completed)
    {
        var incident = await TestIncidents.OpenAsync(host.App, "Incident with an import");
        var page = await SignedInAsync(language);
        await page.GotoAsync($"/console/incidents/{incident}/imports/new");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"import-upload-{language}");

        await page.SetInputFilesAsync("#File", new FilePayload
        {
            Name = "people.csv",
            MimeType = "text/csv",
            Buffer = "external_id,given_name,family_name,email,country,language,data_categories\n"u8.ToArray()
                .Concat("p-1,Ada,Lovelace,ada@example.test,GB,en,name;email\n"u8.ToArray())
                .Concat("p-2,Hana,Sato,hana@example.test,JP,ja,name;email\n"u8.ToArray())
                .Concat("p-3,Bad,Row,not-an-email,JP,ja,name\n"u8.ToArray()).ToArray(),
        });
        await page.ClickAsync("main button[type=submit]");

        page.Url.ShouldMatch($"/console/incidents/{incident}/imports/[0-9a-f-]{{36}}$");
        // htmx refreshes the counters in place until the import finishes; the page itself is not reloaded.
        await page.Locator("#import-progress .status", new() { HasTextString = completed })
            .WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        (await page.Locator(".counters .value").AllTextContentsAsync()).Take(4).ShouldBe(["3", "2", "0", "1"]);
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"import-status-{language}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[download]"));
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path);
        csv.ShouldStartWith("line,column,code,message");
        csv.Contains("not-an-email", StringComparison.Ordinal).ShouldBeFalse("the report never echoes a rejected value");
    }

    [Theory]
    [InlineData("en", "of the file", "rows/s")]
    [InlineData("fr", "du fichier", "lignes/s")]
    [InlineData("ja", "ファイルの", "毎秒")]
    public async Task A_running_import_shows_a_progress_bar_with_its_pace_and_time_left(string language, string ofTheFile, string rate)
    {
        var incident = await TestIncidents.OpenAsync(host.App, "Incident with a long import");
        var import = Guid.CreateVersion7();
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            db.Imports.Add(new ImportJob
            {
                Id = import, IncidentId = incident, Format = "csv", Encoding = "utf-8", CreatedBy = "tests", StartedAt = TimeProvider.System.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        // The pace the runner would record after its first committed batch: a quarter of the file.
        var progress = host.App.Services.GetRequiredService<ImportProgress>();
        progress.Start(import, totalBytes: 100_000);
        await Task.Delay(100);
        progress.Committed(import, rows: 1_000, bytesThrough: 25_000);
        try
        {
            var page = await SignedInAsync(language);
            await page.GotoAsync($"/console/incidents/{incident}/imports/{import}");

            var bar = page.Locator("#import-progress progress");
            (await bar.GetAttributeAsync("value")).ShouldBe("25");
            (await bar.GetAttributeAsync("max")).ShouldBe("100");
            (await bar.GetAttributeAsync("aria-valuetext") ?? "").ShouldContain("25");
            (await page.Locator("#import-progress label[for=import-bar]").CountAsync()).ShouldBe(1, "the bar has a label");
            var pace = await page.TextContentAsync("#import-pace") ?? "";
            pace.ShouldContain(ofTheFile);
            pace.ShouldContain(rate);
            await page.AssertAccessibleAsync();
            await page.SaveScreenshotAsync($"import-running-{language}");
        }
        finally
        {
            progress.Finish(import);
        }
    }

    private async Task<IPage> SignedInAsync(string language)
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var page = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(page, account.Email, account.Password);
        return page;
    }
}
