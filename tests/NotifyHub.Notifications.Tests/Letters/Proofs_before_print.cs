using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Notifications.Tests.Letters;

/// <summary>
/// Nothing is printed from a letter template version until a privacy officer has read and approved the proof of each
/// of its languages; the proof is the print run's PDF for a made-up person, marked PROOF.
/// </summary>
public sealed class Proofs_before_print : IAsyncLifetime
{
    private NotificationsApp _app = null!;
    private Guid _incident;

    public async Task InitializeAsync()
    {
        _app = await NotificationsApp.StartAsync();
        _incident = await _app.OpenIncidentAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_letter_campaign_launches_only_once_each_language_of_its_version_is_approved_and_a_new_version_needs_a_new_approval()
    {
        await _app.SeedAndWaitAsync(_incident, [TestPerson.Create(1, address: "1 High Street")]);
        var template = await _app.CreateTemplateAsync(_incident, SampleTemplates.Letter);
        var campaign = await _app.CreateCampaignAsync(_incident, ["letter"], "all", new() { ["letter"] = template });

        var refused = await Launch(campaign);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("letter_proof_not_approved");
        problem.GetProperty("detail").GetString()!.ShouldContain("en, fr, ja");
        Languages(problem).ShouldBe(["en", "fr", "ja"]);

        await _app.ApproveProofsAsync(template, "en", "fr");
        var stillRefused = await (await Launch(campaign)).Content.ReadFromJsonAsync<JsonElement>();
        Languages(stillRefused).ShouldBe(["ja"], "only the language not yet approved is named");

        var stale = await _app.Client.PostAsJsonAsync($"/api/v1/templates/{template}/approvals", new { language = "ja", version = 2 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict, "version 2's proof cannot be approved on version 1");
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("proof_version_mismatch");

        var approved = await _app.Client.PostAsJsonAsync($"/api/v1/templates/{template}/approvals", new { language = "ja", version = 1 });
        approved.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await _app.Client.PostAsJsonAsync($"/api/v1/templates/{template}/approvals", new { language = "ja", version = 1 });
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "approving twice changes nothing");
        (await Launch(campaign)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _app.WaitForCampaignAsync(campaign)).GetProperty("delivered").GetInt32().ShouldBe(1);

        // The same name posted again is version 2: its text may differ, so version 1's approvals do not carry over.
        var second = await _app.CreateTemplateAsync(_incident, SampleTemplates.Letter);
        var next = await _app.CreateCampaignAsync(_incident, ["letter"], "all", new() { ["letter"] = second });
        Languages(await (await Launch(next)).Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(["en", "fr", "ja"]);

        // Each approval is on the audit trail: who, which version, which language; once each.
        IReadOnlyList<Privacy.Audit.AuditEntry> entries = [];
        await Eventually.TrueAsync(async () =>
        {
            entries = await AuditTrail.OfAsync(_app.Factory.Services, "template.proof_approve", template);
            return entries.Count >= 3;
        }, TimeSpan.FromSeconds(20));
        entries.Count.ShouldBe(3);
        entries.ShouldAllBe(e => e.ActorUserId != null);
        var details = entries.Select(e => JsonDocument.Parse(e.Details!).RootElement).ToList();
        details.Select(d => d.GetProperty("language").GetString()).Order().ShouldBe(["en", "fr", "ja"]);
        details.ShouldAllBe(d => d.GetProperty("version").GetString() == "1");
        var chain = await AuditTrail.VerifyAsync(_app.Factory.Services);
        chain.IsValid.ShouldBeTrue(chain.Message);
    }

    [Fact]
    public async Task The_proof_is_the_letter_for_a_made_up_person_marked_PROOF_in_the_address_order_of_its_country()
    {
        var template = await _app.CreateTemplateAsync(_incident, SampleTemplates.Letter);

        var (french, frenchWindow) = await ProofAsync(template, "fr");
        french.ShouldContain("PROOF");
        french.ShouldContain("version 1");
        french.ShouldContain("Avis de violation de données");
        french.ShouldContain("Madame, Monsieur Lefèvre");
        frenchWindow.ShouldBe(["Camille Lefèvre", "Bâtiment B", "8 rue de l'Exemple", "99999 ECHANTILLON SUR LOIRE", "FRANCE"]);

        var (japanese, japaneseWindow) = await ProofAsync(template, "ja");
        japanese.ShouldContain("PROOF");
        japanese.ShouldContain("個人情報漏えいのお知らせ");
        japaneseWindow.ShouldBe(["〒100-0000", "東京都千代田区", "見本町一丁目2番3号", "サンプルハイツ101号室", "山田 花子 様", "JAPAN"]);

        var (australian, australianWindow) = await ProofAsync(template, "en", "AU");
        australian.ShouldContain("Dear Alex Morgan");
        australianWindow.ShouldBe(["Alex Morgan", "10 Sample Street", "Unit 2", "SAMPLETON NSW 2999", "AUSTRALIA"]);
    }

    [Fact]
    public async Task Refuses_a_proof_of_a_language_the_template_lacks_or_of_a_template_that_is_not_a_letter()
    {
        var letter = await _app.CreateTemplateAsync(_incident, SampleTemplates.Letter);
        var german = await _app.Client.GetAsync($"/api/v1/templates/{letter}/proof?language=de");
        german.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await german.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("unknown_language");

        var email = await _app.CreateTemplateAsync(_incident, SampleTemplates.Email);
        var proof = await _app.Client.GetAsync($"/api/v1/templates/{email}/proof?language=en");
        proof.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await proof.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("not_a_letter_template");
        var approval = await _app.Client.PostAsJsonAsync($"/api/v1/templates/{email}/approvals", new { language = "en" });
        (await approval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("not_a_letter_template");
    }

    private Task<HttpResponseMessage> Launch(Guid campaign) => _app.Client.PostAsync($"/api/v1/campaigns/{campaign}/launch", null);

    private static List<string> Languages(JsonElement problem) =>
        [.. problem.GetProperty("errors").GetProperty("languages").EnumerateArray().Select(l => l.GetString()!)];

    /// <summary>The proof's text, and what shows through the envelope window (<see cref="PdfText.WindowsAsync"/>).</summary>
    private async Task<(string Text, IReadOnlyList<string> Window)> ProofAsync(Guid template, string language, string? country = null)
    {
        var response = await _app.Client.GetAsync($"/api/v1/templates/{template}/proof?language={language}" + (country is null ? "" : $"&country={country}"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        return (await PdfText.ExtractAsync(pdf), (await PdfText.WindowsAsync(pdf)).ShouldHaveSingleItem());
    }
}
