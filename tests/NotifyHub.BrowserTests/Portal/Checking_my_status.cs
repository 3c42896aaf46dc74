using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NotifyHub.BrowserTests.Support;
using NotifyHub.Testing;

namespace NotifyHub.BrowserTests.Portal;

/// <summary>
/// A person who just got our letter, from the QR code to what they can do, in their own language: every page scanned
/// with axe (WCAG 2.2 AA) and walked with the keyboard, and a screenshot of each for a person to look at.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class Checking_my_status(PagesHost host)
{
    [Theory]
    [InlineData("en", "Check if your data was affected", "Your status", "fr", "Vérifier si vos données sont concernées")]
    [InlineData("fr", "Vérifier si vos données sont concernées", "Votre situation", "ja", "あなたのデータが影響を受けたか確認する")]
    [InlineData("ja", "あなたのデータが影響を受けたか確認する", "あなたの状況", "en", "Check if your data was affected")]
    public async Task A_new_affected_person_opens_the_QR_link_reads_their_status_and_acts_on_it(
        string language, string service, string statusHeading, string otherLanguage, string otherService)
    {
        var (incident, person, code) = await TestPortal.PersonAsync(host, language);
        var page = await host.NewPageAsync(language);

        await page.GotoAsync("/portal");
        (await page.TextContentAsync("h1")).ShouldBe(service);
        (await page.GetAttributeAsync("html", "lang")).ShouldBe(language);
        await AssertPageAsync(page, $"portal-start-{language}");

        // The QR link: the code rides in the fragment, the page's script copies it into the field and drops it from the address.
        await page.GotoAsync($"/portal/check#code={Uri.EscapeDataString(code)}");
        (await page.InputValueAsync("#ReferenceCode")).ShouldBe(code);
        page.Url.ShouldNotContain("#");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("DateOfBirth", "the factor is next");
        await AssertPageAsync(page, $"portal-check-{language}");

        await page.FocusAsync("#DateOfBirth"); // the keyboard walk moved the focus on
        await page.Keyboard.TypeAsync(TestPortal.DateOfBirth);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/portal/status");
        (await page.TextContentAsync("h1")).ShouldBe(statusHeading);
        (await page.TextContentAsync("main") ?? "").ShouldNotContain("Quillonia", Case.Insensitive, "the status page greets nobody by name");
        (await page.Locator(".govuk-summary-list__row").CountAsync()).ShouldBe(2, "name and email, each with advice");
        await AssertPageAsync(page, $"portal-status-{language}");

        // A callback two days ahead: confirmed on the page, and queued for the call centre.
        var at = TimeProvider.System.GetUtcNow().AddDays(2);
        await page.FillAsync("#PreferredAt", at.ToString("yyyy-MM-dd'T'10:30", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#request-callback");
        await page.Locator("#portal-message").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"portal-callback-{language}");

        // Messages in another language, and no more text messages: kept, and shown back checked.
        await page.SelectOptionAsync("#Language", otherLanguage);
        await page.CheckAsync("#StopSmsChoice");
        await page.ClickAsync("#save-preferences");
        await page.Locator("#portal-message").WaitForAsync();
        (await page.IsCheckedAsync("#StopSmsChoice")).ShouldBeTrue();
        (await page.IsCheckedAsync("#StopEmailChoice")).ShouldBeFalse();
        (await page.InputValueAsync("#Language")).ShouldBe(otherLanguage);
        await Eventually.TrueAsync(() => TestPortal.InPortalAsync(host, db => db.People.AnyAsync(p => p.PersonId == person && p.StopSms && !p.StopEmail)),
            TimeSpan.FromSeconds(30), "the portal did not keep the stop-SMS choice");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"portal-preferences-{language}");

        // The page's own language, switched in the portal's footer: back on the same page, in the other language.
        await page.ClickAsync($".portal-language button[value={otherLanguage}]");
        await page.WaitForURLAsync("**/portal/status");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe(otherLanguage);
        (await page.TextContentAsync(".govuk-service-navigation__service-name")).ShouldNotBeNull().Trim().ShouldBe(otherService);
        await page.ClickAsync($".portal-language button[value={language}]");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe(language);

        // "Was that call really from us?": an invented code is not, the one an agent read out is.
        var callbackCode = await TestPortal.CallbackCodeAsync(host, incident);
        await page.GotoAsync("/portal/callback-code");
        await AssertPageAsync(page, $"portal-callback-code-{language}");
        await page.FillAsync("#CallbackCode", "ZZZZ-ZZZZ");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#callback-result:not(.govuk-notification-banner--success)").WaitForAsync();
        await page.FillAsync("#CallbackCode", callbackCode.ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#callback-result.govuk-notification-banner--success").WaitForAsync();
        await AssertPageAsync(page, $"portal-callback-genuine-{language}");
    }

    [Fact]
    public async Task A_wrong_factor_gets_the_one_no_match_answer_above_the_form()
    {
        var (_, _, code) = await TestPortal.PersonAsync(host, "en");
        var page = await host.NewPageAsync();
        await page.GotoAsync("/portal/check");
        await page.FillAsync("#ReferenceCode", code);
        await page.FillAsync("#DateOfBirth", "1990-01-01");
        await page.ClickAsync("main button[type=submit]");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.TextContentAsync(".govuk-error-summary") ?? "").ShouldContain("We could not find a match");
        page.Url.ShouldEndWith("/portal/check");
        await AssertPageAsync(page, "portal-no-match-en");
    }

    private static async Task AssertPageAsync(IPage page, string screenshot)
    {
        await page.AssertAccessibleAsync();
        await page.AssertKeyboardWalkAsync();
        await page.SaveScreenshotAsync(screenshot);
    }
}
