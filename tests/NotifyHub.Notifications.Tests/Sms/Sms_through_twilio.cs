using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.FakeTwilio;
using NotifyHub.Testing.Parties;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Notifications.Tests.Sms;

/// <summary>
/// SMS campaigns through <c>TwilioSmsSender</c> against a wire-compatible Twilio on a real socket. Status callbacks go
/// through the in-process host's client (it has no socket), signed over the configured public URL as Twilio signs them.
/// </summary>
public sealed class Sms_through_twilio : IAsyncLifetime
{
    private const string PublicBaseUrl = "http://localhost";
    private FakeTwilioServer _twilio = null!;
    private NotificationsApp _app = null!;
    private Guid _incident;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioServer.StartAsync();
        _app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:PublicBaseUrl"] = PublicBaseUrl,
            ["NotifyHub:Sms:Twilio:AccountSid"] = _twilio.AccountSid,
            ["NotifyHub:Sms:Twilio:AuthToken"] = _twilio.AuthToken,
            ["NotifyHub:Sms:Twilio:MessagingServiceSid"] = "MG0123456789abcdef0123456789abcdef",
            ["NotifyHub:Sms:Twilio:BaseUrl"] = _twilio.BaseUrl.ToString(),
            ["NotifyHub:Sms:Twilio:RetryDelay"] = "00:00:00.010",
        });
        _incident = await _app.OpenIncidentAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task Sends_in_each_language_and_is_delivered_after_the_signed_delivered_callback()
    {
        var people = new[]
        {
            TestPerson.Create(1, "en", phone: "+447911000001"),
            TestPerson.Create(2, "fr", phone: "+33612345678", country: "FR"),
            TestPerson.Create(3, "ja", phone: "+819012345678", country: "JP"),
        };
        var campaign = await LaunchAsync(people, ["sms"], "all");
        await WaitAsync(campaign, v => v.GetProperty("sent").GetInt32() == 3);

        _twilio.Requests.ShouldAllBe(r => r.Authenticated && r.Status == 201);
        var messages = _twilio.Messages;
        messages.Count.ShouldBe(3);
        messages.Select(m => m.To).Order().ShouldBe(["+33612345678", "+447911000001", "+819012345678"]);
        messages.ShouldAllBe(m => m.MessagingServiceSid == "MG0123456789abcdef0123456789abcdef" && m.From == null);
        messages.ShouldAllBe(m => m.StatusCallback == PublicBaseUrl + "/webhooks/twilio/status");
        messages.Single(m => m.To == "+447911000001").Body.ShouldContain("your data was exposed");
        messages.Single(m => m.To == "+33612345678").Body.ShouldContain("vos donnees ont ete exposees");
        messages.Single(m => m.To == "+819012345678").Body.ShouldContain("情報漏えいのお知らせ");
        foreach (var person in people)
        {
            messages.ShouldContain(m => m.Body.Contains(person.ReferenceCode, StringComparison.Ordinal));
        }

        foreach (var message in messages)
        {
            using var response = await _twilio.SendStatusCallbackAsync(message, "delivered", _app.Client);
            response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        }

        var view = await _app.WaitForCampaignAsync(campaign);
        view.GetProperty("delivered").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_429_is_retried_and_the_message_is_accepted_once()
    {
        _twilio.FailNext(1, HttpStatusCode.TooManyRequests);
        var campaign = await LaunchAsync([TestPerson.Create(1, phone: "+447911000001")], ["sms"], "all");
        await WaitAsync(campaign, v => v.GetProperty("sent").GetInt32() == 1);

        _twilio.Requests.Select(r => r.Status).ShouldBe([429, 201]);
        _twilio.Messages.Count.ShouldBe(1);
        using var response = await _twilio.SendStatusCallbackAsync(_twilio.Messages[0], "delivered", _app.Client);
        (await _app.WaitForCampaignAsync(campaign)).GetProperty("delivered").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_number_Twilio_refuses_fails_and_first_available_falls_back_to_a_letter()
    {
        _twilio.RefuseNumber("+447911000002", 21211);
        var person = TestPerson.Create(2, phone: "+447911000002", address: "2 High Street");
        var campaign = await LaunchAsync([person], ["sms", "letter"], "first-available");

        var view = await _app.WaitForCampaignAsync(campaign);

        _twilio.Requests.Single().Status.ShouldBe(400);
        _twilio.Messages.ShouldBeEmpty();
        view.GetProperty("byChannel").GetProperty("sms").GetProperty("failed").GetInt32().ShouldBe(1);
        view.GetProperty("byChannel").GetProperty("letter").GetProperty("delivered").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Unsigned_wrongly_signed_and_malformed_callbacks_are_refused_and_change_nothing()
    {
        var campaign = await LaunchAsync([TestPerson.Create(1, phone: "+447911000001")], ["sms"], "all");
        await WaitAsync(campaign, v => v.GetProperty("sent").GetInt32() == 1);
        var message = _twilio.Messages.Single();
        var url = message.StatusCallback!;
        var delivered = new Dictionary<string, string> { ["MessageSid"] = message.Sid, ["MessageStatus"] = "delivered", ["AccountSid"] = _twilio.AccountSid };

        (await _twilio.PostSignedAsync(url, delivered, signature: null, _app.Client)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _twilio.PostSignedAsync(url, delivered, FakeTwilioSignature.Sign("not-the-token", url, delivered), _app.Client))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Signed over another URL: what reached us is not what was signed.
        (await _twilio.PostSignedAsync(url, delivered, FakeTwilioSignature.Sign(_twilio.AuthToken, url + "?x=1", delivered), _app.Client))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noSid = new Dictionary<string, string> { ["MessageStatus"] = "delivered", ["AccountSid"] = _twilio.AccountSid };
        (await _twilio.PostSignedAsync(url, noSid, FakeTwilioSignature.Sign(_twilio.AuthToken, url, noSid), _app.Client))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var noStatus = new Dictionary<string, string> { ["MessageSid"] = message.Sid, ["AccountSid"] = _twilio.AccountSid };
        (await _twilio.PostSignedAsync(url, noStatus, FakeTwilioSignature.Sign(_twilio.AuthToken, url, noStatus), _app.Client))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var view = await _app.CampaignAsync(campaign);
        view.GetProperty("sent").GetInt32().ShouldBe(1);
        view.GetProperty("delivered").GetInt32().ShouldBe(0);

        // The same callback, correctly signed, is accepted: the refusals above were about the signature and shape only.
        (await _twilio.PostSignedAsync(url, delivered, FakeTwilioSignature.Sign(_twilio.AuthToken, url, delivered), _app.Client))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _app.CampaignAsync(campaign)).GetProperty("delivered").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_fake_refuses_bad_credentials_and_missing_fields_the_way_Twilio_does()
    {
        using var http = new HttpClient { BaseAddress = _twilio.BaseUrl };
        var path = $"/2010-04-01/Accounts/{_twilio.AccountSid}/Messages.json";
        using var anonymous = await http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = "+447911000001" }));
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32().ShouldBe(20003);

        http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{_twilio.AccountSid}:{_twilio.AuthToken}")));
        using var noTo = await http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "hi", ["From"] = "+15005550006" }));
        noTo.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noTo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32().ShouldBe(21604);
        using var noFrom = await http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = "+447911000001", ["Body"] = "hi" }));
        (await noFrom.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32().ShouldBe(21603);
    }

    private async Task<Guid> LaunchAsync(IReadOnlyList<TestPerson> people, string[] channels, string strategy)
    {
        await _app.SeedAndWaitAsync(_incident, people);
        var templates = await _app.StandardTemplatesAsync(_incident);
        var campaign = await _app.CreateCampaignAsync(_incident, channels, strategy, templates);
        await _app.LaunchAsync(campaign);
        return campaign;
    }

    private async Task WaitAsync(Guid campaign, Func<JsonElement, bool> condition)
    {
        var view = default(JsonElement);
        await Eventually.TrueAsync(async () => condition(view = await _app.CampaignAsync(campaign)), TimeSpan.FromSeconds(30), $"campaign: {view}");
    }
}
