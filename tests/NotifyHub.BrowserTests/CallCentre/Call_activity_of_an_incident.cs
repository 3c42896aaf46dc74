using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;

namespace NotifyHub.BrowserTests.CallCentre;

/// <summary>The call centre's figures for one incident, as the privacy officer's dashboard and its own page show them.</summary>
[Collection(PagesCollection.Name)]
public sealed class Call_activity_of_an_incident(PagesHost host)
{
    [Theory]
    [InlineData("en", "Call centre activity")]
    [InlineData("fr", "Activité du centre d’appels")]
    public async Task The_incident_s_call_activity_shows_calls_against_calls_expected(string language, string title)
    {
        var account = await StaffAccounts.CreateAsync(host.App, Roles.PrivacyOfficer);
        var incident = await TestIncidents.OpenAsync(host.App, "Incident with calls");
        var page = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(page, account.Email, account.Password);

        // The call centre learns of the incident from the bus: asked again rather than assumed.
        await Eventually.TrueAsync(async () => (await page.GotoAsync($"/callcentre/incidents/{incident}/activity"))!.Status == 200,
            TimeSpan.FromSeconds(30), "the call centre should learn of the incident");
        (await page.TextContentAsync("h1")).ShouldBe(title);
        (await page.Locator("#call-activity li").CountAsync()).ShouldBe(4);
        (await page.Locator("#call-activity .value").First.TextContentAsync() ?? "").ShouldContain("0 / 0", customMessage: "no notice sent, no call expected");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"call-activity-{language}");

        // The same counters inside the incident's dashboard, loaded by htmx.
        await page.GotoAsync($"/console/incidents/{incident}");
        await page.Locator("#incident-calls #call-activity").WaitForAsync(new() { Timeout = 15_000 });
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"incident-dashboard-{language}");
    }
}
