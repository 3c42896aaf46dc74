using Microsoft.Playwright;
using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;

namespace NotifyHub.BrowserTests.CallCentre;

/// <summary>A supervisor's queue: counters refreshed in place, each agent's day as a chart and a table, and Unblock.</summary>
[Collection(PagesCollection.Name)]
public sealed class Supervising_the_queue(PagesHost host)
{
    /// <summary>One more than the call centre's default limit of failed verifications in the window.</summary>
    private const int FailuresToBlock = 21;

    [Theory]
    [InlineData("en", "Call-centre queue", "Your account is blocked")]
    [InlineData("ja", "コールセンターのキュー", "このアカウントはブロックされています")]
    public async Task A_supervisor_sees_the_queue_and_unblocks_a_guessing_agent(string language, string heading, string blocked)
    {
        var vendor = await TestCallCentre.RegisterVendorAsync(host);
        var (incident, code) = await TestCallCentre.IncidentForAsync(host, vendor);
        var agent = await StaffAccounts.CreateAsync(host.App, Roles.Agent, vendor);
        using var agentClient = await CookieClient.CreateAsync(host.BaseAddress, agent.Email, agent.Password);
        var token = CookieClient.Token(await agentClient.GetStringAsync(new Uri("/callcentre", UriKind.Relative)));
        for (var i = 0; i < FailuresToBlock; i++)
        {
            using var guess = await agentClient.PostAsync(new Uri("/callcentre", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["IncidentId"] = incident.ToString(), ["ReferenceCode"] = code, ["DateOfBirth"] = $"1990-01-{i + 1:00}",
                ["__RequestVerificationToken"] = token,
            }));
        }

        var agentPage = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(agentPage, agent.Email, agent.Password);
        await agentPage.GotoAsync("/callcentre");
        (await agentPage.TextContentAsync(".notice-danger[role=alert] h2")).ShouldBe(blocked);
        (await agentPage.Locator("#ReferenceCode").CountAsync()).ShouldBe(0, "a blocked agent gets no verify form");
        await agentPage.AssertAccessibleAsync();
        await agentPage.SaveScreenshotAsync($"callcentre-blocked-{language}");

        var supervisor = await StaffAccounts.CreateAsync(host.App, Roles.Supervisor, vendor);
        var page = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(page, supervisor.Email, supervisor.Password);
        await page.GotoAsync("/callcentre/queue");
        (await page.TextContentAsync("h1")).ShouldBe(heading);
        var shortId = agent.Id.ToString("N")[..8];
        var row = page.Locator("tbody tr", new() { Has = page.Locator($"th:text-is('{shortId}')") }).First;
        (await row.Locator("form[action$='handler=Unblock'] button").CountAsync()).ShouldBe(1);
        (await page.Locator("figure.chart svg[role=img]").CountAsync()).ShouldBe(1);
        (await page.Locator("figure.chart table th[scope=row]").CountAsync()).ShouldBeGreaterThan(0, "the chart's numbers are in a table");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"callcentre-queue-{language}");

        // htmx swaps the counters in place every 15 s; the page itself is not reloaded.
        var refresh = await page.RunAndWaitForResponseAsync(() => Task.CompletedTask,
            r => r.Url.Contains("handler=Counters", StringComparison.Ordinal), new PageRunAndWaitForResponseOptions { Timeout = 30_000 });
        refresh.Status.ShouldBe(200);

        await row.Locator("form[action$='handler=Unblock'] button").ClickAsync();
        (await page.Locator("p.notice-ok[role=status]").TextContentAsync() ?? "").ShouldContain(shortId);
        (await page.Locator("tbody tr", new() { Has = page.Locator($"th:text-is('{shortId}')") })
            .Locator("form[action$='handler=Unblock']").CountAsync()).ShouldBe(0);
        await page.AssertAccessibleAsync();

        await agentPage.GotoAsync("/callcentre");
        (await agentPage.Locator("#ReferenceCode").CountAsync()).ShouldBe(1, "the unblocked agent can take calls again");
    }

    [Fact]
    public async Task A_privacy_officer_assigns_and_unassigns_a_vendor_from_the_incident_page()
    {
        var vendor = await TestCallCentre.RegisterVendorAsync(host);
        var incident = await TestIncidents.OpenAsync(host.App, "Incident needing a call centre");
        var officer = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var page = await host.NewPageAsync("fr");
        await PagesHost.SignInAsync(page, officer.Email, officer.Password);
        await page.GotoAsync($"/console/incidents/{incident}");
        await page.ClickAsync($"a[href='/callcentre/incidents/{incident}/vendors']");
        // The call centre learns of the incident and the vendor from the bus.
        await Eventually.TrueAsync(async () =>
        {
            var response = await page.ReloadAsync();
            return response?.Status == 200 && await page.Locator($"#VendorId option[value='{vendor}']").CountAsync() == 1;
        }, TimeSpan.FromSeconds(30), "the call centre never heard of the incident or the vendor");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();

        await page.SelectOptionAsync("#VendorId", vendor.ToString());
        await page.ClickAsync("form[action$='handler=Assign'] button");
        var shortId = vendor.ToString("N")[..8];
        var row = page.Locator("#assignments tbody tr", new() { Has = page.Locator($"th:text-is('{shortId}')") });
        (await row.CountAsync()).ShouldBe(1);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("callcentre-vendors-fr");

        await row.Locator("form[action$='handler=Unassign'] button").ClickAsync();
        (await page.Locator("#assignments .status-unassigned").CountAsync()).ShouldBe(1);
    }
}
