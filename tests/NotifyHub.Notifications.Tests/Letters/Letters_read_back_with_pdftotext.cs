using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing.Parties;

namespace NotifyHub.Notifications.Tests.Letters;

/// <summary>Japanese and French letters rendered to PDF, the encrypted batch decrypted and read back with poppler's pdftotext.</summary>
public sealed class Letters_read_back_with_pdftotext
{
    [Fact]
    public async Task Show_the_japanese_name_the_french_accents_the_address_block_and_the_reference_code()
    {
        await using var app = await NotificationsApp.StartAsync();
        var incident = await app.OpenIncidentAsync();
        var japanese = new TestPerson(Guid.NewGuid(), "花子", "山田", "REF-000001-JA01", "ja",
            AddressLine1: "丸の内一丁目1番1号", Locality: "千代田区", Postcode: "100-0005", Country: "JP", Categories: ["email", "payment_card"]);
        var french = new TestPerson(Guid.NewGuid(), "Amélie", "Lefèvre", "REF-000002-FR02", "fr",
            AddressLine1: "12 rue de l'Église", Locality: "Besançon", Postcode: "25000", Country: "FR", Categories: ["email", "payment_card"]);
        await app.SeedAndWaitAsync(incident, [japanese, french]);
        var campaign = await app.CreateCampaignAsync(incident, ["letter"], "all",
            new() { ["letter"] = await app.CreateTemplateAsync(incident, SampleTemplates.Letter) });

        await app.LaunchAsync(campaign);
        (await app.WaitForCampaignAsync(campaign)).GetProperty("delivered").GetInt32().ShouldBe(2);

        var text = string.Concat((await LetterBatchReader.ReadAllAsync(app)).Select(b => b.Text));
        text.ShouldContain("山田 花子 様");
        text.ShouldContain("個人情報漏えいのお知らせ");
        text.ShouldContain("照会番号：REF-000001-JA01");
        text.ShouldContain("丸の内一丁目1番1号");
        text.ShouldContain("千代田区");
        text.ShouldContain("100-0005");

        text.ShouldContain("Avis de violation de données");
        text.ShouldContain("Madame, Monsieur Lefèvre");
        text.ShouldContain("Données concernées");
        text.ShouldContain("Votre code de référence : REF-000002-FR02");
        text.ShouldContain("12 rue de l'Église");
        text.ShouldContain("Besançon");
        text.ShouldContain("25000");
    }
}
