using Microsoft.Playwright;
using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;

namespace NotifyHub.BrowserTests.CallCentre;

/// <summary>A new agent's first call, from the keyboard: verify (a wrong factor, then the right one), read, act, close.</summary>
[Collection(PagesCollection.Name)]
public sealed class Taking_a_call(PagesHost host)
{
    [Theory]
    [InlineData("en", "Take a call")]
    [InlineData("fr", "Prendre un appel")]
    [InlineData("ja", "通話の受付")]
    public async Task An_agent_verifies_a_caller_works_the_case_and_closes_it(string language, string heading)
    {
        var vendor = await TestCallCentre.RegisterVendorAsync(host);
        var (_, code) = await TestCallCentre.IncidentForAsync(host, vendor);
        var agent = await StaffAccounts.CreateAsync(host.App, Roles.Agent, vendor);
        var page = await host.NewPageAsync(language);
        await PagesHost.SignInAsync(page, agent.Email, agent.Password);

        await page.GotoAsync("/callcentre");
        (await page.TextContentAsync("h1")).ShouldBe(heading);
        (await page.GetAttributeAsync("html", "lang")).ShouldBe(language);
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("ReferenceCode", "the verify form takes the first focus");
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"callcentre-take-call-{language}");

        // A wrong date of birth: "not verified", and nothing typed comes back.
        await page.FocusAsync("#ReferenceCode");
        await page.Keyboard.TypeAsync(code);
        await page.FillAsync("#DateOfBirth", "1990-01-01");
        await page.FocusAsync("#ReferenceCode");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#verify-result[role=alert]").WaitForAsync();
        page.Url.ShouldEndWith("/callcentre");
        await AssertNothingPersonalAsync(page, code, "1990-01-01");
        (await page.InputValueAsync("#ReferenceCode")).ShouldBeEmpty();
        (await page.InputValueAsync("#DateOfBirth")).ShouldBeEmpty();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"callcentre-not-verified-{language}");

        // The right one opens the case.
        await page.FillAsync("#ReferenceCode", code);
        await page.FillAsync("#DateOfBirth", TestCallCentre.DateOfBirth);
        await page.FocusAsync("#DateOfBirth");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/callcentre/cases/*");
        (await page.TextContentAsync("h1") ?? "").ShouldContain(TestCallCentre.GivenName);
        (await page.TextContentAsync(".script") ?? "").ShouldContain("Vendor breach helpline");
        await AssertNothingPersonalAsync(page, code);
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync($"callcentre-case-{language}");

        // A note with an email address is refused and not shown back; a plain one is kept.
        await page.FillAsync("#NoteText", $"Caller wants mail at {TestCallCentre.Email}");
        await page.ClickAsync("form[action$='handler=Note'] button");
        (await page.GetAttributeAsync("#NoteText", "aria-invalid")).ShouldBe("true");
        (await page.Locator(".error-summary").CountAsync()).ShouldBe(1);
        await AssertNothingPersonalAsync(page, code);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"callcentre-note-refused-{language}");
        await page.FillAsync("#NoteText", "Caller worried about the letter; explained the advice.");
        await page.ClickAsync("form[action$='handler=Note'] button");
        (await page.TextContentAsync(".notes") ?? "").ShouldContain("explained the advice");

        // A callback: the code to read to the caller is shown once, prominently.
        await page.FillAsync("#CallbackReason", "Prefers a call in the morning");
        await page.ClickAsync("form[action$='handler=Callback'] button");
        (await page.TextContentAsync("#new-callback .callback-code") ?? "").Trim().ShouldNotBeEmpty();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"callcentre-callback-{language}");

        await page.FillAsync("#EscalationReason", "Asks how the vendor was chosen");
        await page.ClickAsync("form[action$='handler=Escalate'] button");
        (await page.Locator("p.notice-ok[role=status]").CountAsync()).ShouldBe(1);

        await page.SelectOptionAsync("#Outcome", "resolved");
        await page.ClickAsync("form[action$='handler=Close'] button");
        await page.WaitForURLAsync("**/callcentre?closed=true");
        (await page.Locator("p.notice-ok[role=status]").CountAsync()).ShouldBe(1);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_case_of_another_vendor_is_not_found()
    {
        var vendor = await TestCallCentre.RegisterVendorAsync(host);
        var (incident, code) = await TestCallCentre.IncidentForAsync(host, vendor);
        var agent = await StaffAccounts.CreateAsync(host.App, Roles.Agent, vendor);
        using var mine = await CookieClient.CreateAsync(host.BaseAddress, agent.Email, agent.Password);
        var form = await mine.GetStringAsync(new Uri("/callcentre", UriKind.Relative));
        var verified = await mine.PostAsync(new Uri("/callcentre", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["IncidentId"] = incident.ToString(), ["ReferenceCode"] = code, ["DateOfBirth"] = TestCallCentre.DateOfBirth,
            ["__RequestVerificationToken"] = CookieClient.Token(form),
        }));
        var casePath = verified.Headers.Location!.OriginalString;
        casePath.ShouldStartWith("/callcentre/cases/");

        var other = await StaffAccounts.CreateAsync(host.App, Roles.Agent, Guid.NewGuid());
        using var theirs = await CookieClient.CreateAsync(host.BaseAddress, other.Email, other.Password);

        (await theirs.GetAsync(new Uri(casePath, UriKind.Relative))).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    /// <summary>Only the call-centre allow-list (given name, language, categories, history) may be on the page.</summary>
    private static async Task AssertNothingPersonalAsync(IPage page, params string[] typed)
    {
        var html = await page.ContentAsync();
        foreach (var value in typed.Concat([TestCallCentre.FamilyName, TestCallCentre.Email, TestCallCentre.Phone,
            TestCallCentre.DateOfBirth, TestCallCentre.ExternalId, "Okonkwo", "Bartholomew"]))
        {
            html.Contains(value, StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"the page shows \"{value}\"");
        }
    }
}
