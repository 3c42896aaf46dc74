using Microsoft.AspNetCore.Mvc.Testing;
using NotifyHub.Testing;
using System.Net;
using System.Text.RegularExpressions;

namespace NotifyHub.Portal.Tests;

/// <summary>The pages without JavaScript: forms posted with their antiforgery token, the session in a strict cookie.</summary>
public sealed partial class Portal_pages(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private PortalWorld World => fixture.World;

    [Fact]
    public async Task A_person_checks_their_status_asks_for_a_callback_and_stops_sms_without_javascript()
    {
        using var browser = Browser();
        var start = await browser.GetAsync(new Uri("/portal", UriKind.Relative));
        start.StatusCode.ShouldBe(HttpStatusCode.OK);
        var check = await browser.GetStringAsync(new Uri("/portal/check", UriKind.Relative));
        check.ShouldContain("portal-code.js");
        check.ShouldNotContain("<script>");

        var posted = await PostAsync(browser, "/portal/check", check, new() { ["ReferenceCode"] = World.Codes["ext-2"].ToLowerInvariant(), ["DateOfBirth"] = "1975-11-02" });

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.ShouldBe("/portal/status");
        var cookie = posted.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-portal-session=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("secure");
        cookie.ShouldContain("samesite=strict");
        var status = await browser.GetAsync(new Uri("/portal/status", UriKind.Relative));
        var page = await status.Content.ReadAsStringAsync();
        status.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        status.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        status.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        page.ShouldContain("Payment card");
        page.ShouldContain("We will never ask for your password or card number.");
        page.ShouldNotContain("Bartholomew");

        var callback = await PostAsync(browser, "/portal/status?handler=Callback", page,
            new() { ["PreferredAt"] = TimeProvider.System.GetUtcNow().AddDays(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) });
        (await callback.Content.ReadAsStringAsync()).ShouldContain("We will call you back");
        var stop = await PostAsync(browser, "/portal/status?handler=Preferences", page, new() { ["Language"] = "fr", ["StopSmsChoice"] = "true" });
        (await stop.Content.ReadAsStringAsync()).ShouldContain("Your choices are saved.");
    }

    [Fact]
    public async Task A_wrong_factor_shows_no_match_on_the_page_and_sets_no_session()
    {
        using var browser = Browser();
        var check = await browser.GetStringAsync(new Uri("/portal/check", UriKind.Relative));

        var posted = await PostAsync(browser, "/portal/check", check, new() { ["ReferenceCode"] = World.Codes["ext-1"], ["Postcode"] = "9999" });

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).ShouldContain("We could not find a match");
        (posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("portal-session", StringComparison.Ordinal))).ShouldBeFalse();
        (await browser.GetAsync(new Uri("/portal/status", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var browser = Browser();
        var before = await World.InPortalAsync(db => Task.FromResult(db.Sessions.Count()));

        var posted = await browser.PostAsync(new Uri("/portal/check", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ReferenceCode"] = World.Codes["ext-1"], ["DateOfBirth"] = "1981-03-14",
        }));

        posted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await World.InPortalAsync(db => Task.FromResult(db.Sessions.Count()))).ShouldBe(before);
    }

    private HttpClient Browser()
    {
        var client = World.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        });
        client.DefaultRequestHeaders.Add(ClientAddress.Header, $"203.0.113.{Random.Shared.Next(1, 250)}");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        return client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
