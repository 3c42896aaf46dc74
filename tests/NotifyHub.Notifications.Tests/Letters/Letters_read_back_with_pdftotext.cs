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
            new() { ["letter"] = await app.ApproveProofsAsync(await app.CreateTemplateAsync(incident, SampleTemplates.Letter)) });

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
        text.ShouldContain("25000 BESANCON");
        text.ShouldContain("25000");
    }

    [Fact]
    public async Task Lay_out_each_address_block_in_its_country_s_order_and_refuse_one_too_wide_for_the_window()
    {
        // Posted from France: French letters carry no country line, the others end with theirs.
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?> { ["NotifyHub:Letters:PostedFrom"] = "FR" });
        var incident = await app.OpenIncidentAsync();
        string[] categories = ["email", "payment_card"];
        var japanese = new TestPerson(Guid.NewGuid(), "花子", "山田", "REF-000011-JA11", "ja", AddressLine1: "丸の内一丁目1番1号",
            Locality: "千代田区", Postcode: "1000005", Country: "JP", Categories: categories, AddressLine2: "丸の内ビル12階", Region: "東京都");
        var french = new TestPerson(Guid.NewGuid(), "Amélie", "Lefèvre", "REF-000012-FR12", "fr", AddressLine1: "12 rue de l'Église",
            Locality: "Besançon", Postcode: "25000", Country: "FR", Categories: categories, AddressLine2: "Bâtiment B");
        var australian = new TestPerson(Guid.NewGuid(), "Olivia", "Nguyen", "REF-000013-AU13", "en", AddressLine1: "10 George Street",
            Locality: "Sydney", Postcode: "2000", Country: "AU", Categories: categories, Region: "NSW");
        var tooWide = new TestPerson(Guid.NewGuid(), "Quillonia", "Wyndham-Featherstonehaugh", "REF-000014-FR14", "fr",
            AddressLine1: "Appartement 1234, Résidence des Grandes Allées Fleuries du Parc", Locality: "Lyon", Postcode: "69002",
            Country: "FR", Categories: categories);
        await app.SeedAndWaitAsync(incident, [japanese, french, australian, tooWide]);
        var campaign = await app.CreateCampaignAsync(incident, ["letter"], "all",
            new() { ["letter"] = await app.ApproveProofsAsync(await app.CreateTemplateAsync(incident, SampleTemplates.Letter)) });

        await app.LaunchAsync(campaign);
        var view = await app.WaitForCampaignAsync(campaign);

        view.GetProperty("delivered").GetInt32().ShouldBe(3);
        view.GetProperty("failed").GetInt32().ShouldBe(1);
        view.GetProperty("failures").GetProperty("address_does_not_fit").GetInt32().ShouldBe(1, "refused before print, with its reason");
        var batches = await LetterBatchReader.ReadAllAsync(app);
        var windows = new List<string>();
        foreach (var batch in batches)
        {
            windows.AddRange((await PdfText.WindowsAsync(batch.Pdf)).Select(w => string.Join(" | ", w)));
        }

        windows.ShouldBe([
            "〒100-0005 | 東京都千代田区 | 丸の内一丁目1番1号 | 丸の内ビル12階 | 山田 花子 様 | JAPAN",
            "Amélie Lefèvre | Bâtiment B | 12 rue de l'Église | 25000 BESANCON",
            "Olivia Nguyen | 10 George Street | SYDNEY NSW 2000 | AUSTRALIA",
        ], ignoreOrder: true);
        string.Concat(batches.Select(b => b.Text)).ShouldNotContain("REF-000014-FR14", customMessage: "the refused letter is not printed, not even cut short");
    }
}
