using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Contracts.Intake;
using NotifyHub.Regulator.Drafts;
using NotifyHub.Regulator.Tests.Support;
using NotifyHub.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace NotifyHub.Regulator.Tests.Api;

/// <summary>The Japanese preliminary and final reports and the CNIL's Art. 33 notice, as JSON and as PDF read back.</summary>
public sealed class Drafts : IAsyncLifetime
{
    private static readonly string[] JapaneseItems =
        ["概要", "個人データの項目", "本人の数", "原因", "二次被害又はそのおそれの有無及びその内容", "本人への対応の実施状況", "公表の実施状況", "再発防止のための措置", "その他参考となる事項"];

    private readonly NotifyHubFactory _factory = new(new Dictionary<string, string?>
    {
        ["NotifyHub:Regulator:ContactPoint"] = "Data Protection Officer, dpo@dealer.example, +81 3 0000 0000",
        ["NotifyHub:Regulator:OrganisationName"] = "Dealer Holdings K.K.",
    });

    private RegulatorApi _api = null!;
    private Guid _incident;

    public async Task InitializeAsync()
    {
        _api = await RegulatorApi.CreateAsync(_factory);
        _incident = await _api.OpenIncidentAsync(["JP", "FR"], ["name", "payment_card"], "malicious_attack",
            summary: "顧客管理システムへの不正アクセスにより、顧客情報が外部に流出した。");
        // Counts as intake sends them after an import (aggregates only).
        await _factory.Services.GetRequiredService<IBus>().Publish(
            new AffectedPartiesCounted(_incident, new Dictionary<string, long> { ["JP"] = 1500, ["FR"] = 320 }, TimeProvider.System.GetUtcNow()));
        await _api.WaitForAsync(_incident, o => o.Jurisdiction == "JP" && o.Kind == "regulator-final", o => o.Affected == 1500, "counts never arrived");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("regulator-preliminary", "漏えい等報告（速報）")]
    [InlineData("regulator-final", "漏えい等報告（確報）")]
    public async Task The_PPC_reports_are_in_Japanese_with_all_nine_items(string kind, string title)
    {
        var obligation = (await _api.ObligationsAsync(_incident)).Single(o => o.Jurisdiction == "JP" && o.Kind == kind);

        var draft = (await _api.Http.GetFromJsonAsync<Draft>($"/api/v1/obligations/{obligation.Id}/draft"))!;
        var text = await PdfTextAsync(obligation.Id);

        draft.Language.ShouldBe("ja");
        draft.Title.ShouldBe(title);
        draft.Fields.Select(f => f.Name).ShouldBe(JapaneseItems);
        Field(draft, "概要").Value.ShouldBe("顧客管理システムへの不正アクセスにより、顧客情報が外部に流出した。");
        Field(draft, "本人の数").Value.ShouldBe("1,500");
        Field(draft, "個人データの項目").Value.ShouldBe("氏名、クレジットカード情報");
        Field(draft, "原因").Value.ShouldBe("不正アクセス等の外部からの攻撃");
        Field(draft, "再発防止のための措置").ToComplete.ShouldBeTrue();
        text.ShouldContain(title);
        foreach (var item in JapaneseItems)
        {
            text.ShouldContain(item);
        }

        text.ShouldContain("【要記入】");
        text.ShouldContain("1,500");
    }

    [Fact]
    public async Task The_CNIL_notice_is_in_French_with_every_Article_33_item()
    {
        var obligation = (await _api.ObligationsAsync(_incident)).Single(o => o.Jurisdiction == "EU-FR" && o.Kind == "regulator-notice");

        var draft = (await _api.Http.GetFromJsonAsync<Draft>($"/api/v1/obligations/{obligation.Id}/draft"))!;
        var text = await PdfTextAsync(obligation.Id);

        draft.Language.ShouldBe("fr");
        draft.Title.ShouldBe("Notification d'une violation de données à caractère personnel");
        Field(draft, "Nombre approximatif de personnes concernées").Value.ShouldBe("320");
        Field(draft, "Catégories de données à caractère personnel concernées").Value.ShouldBe("nom, données de carte de paiement");
        Field(draft, "Nom et coordonnées du DPO ou d'un autre point de contact").Value.ShouldBe("Data Protection Officer, dpo@dealer.example, +81 3 0000 0000");
        Field(draft, "Mesures prises ou proposées, y compris pour en atténuer les éventuelles conséquences négatives").ToComplete.ShouldBeTrue();
        foreach (var name in new[] { "Nature de la violation", "Nombre approximatif de personnes concernées", "Conséquences probables de la violation",
            "Nom et coordonnées du DPO", "Mesures prises ou proposées", "Motifs du retard" })
        {
            text.ShouldContain(name);
        }

        text.ShouldContain("[à compléter]");
        text.ShouldContain("CNIL");
    }

    [Fact]
    public async Task An_unknown_obligation_or_format_is_refused()
    {
        var obligation = (await _api.ObligationsAsync(_incident)).First();

        (await _api.Http.GetAsync(new Uri($"/api/v1/obligations/{Guid.NewGuid()}/draft", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var docx = await _api.Http.GetAsync(new Uri($"/api/v1/obligations/{obligation.Id}/draft?format=docx", UriKind.Relative));
        (await RegulatorApi.CodeAsync(docx)).ShouldBe("invalid_format");
    }

    private static DraftField Field(Draft draft, string name) => draft.Fields.Single(f => f.Name == name);

    private async Task<string> PdfTextAsync(Guid obligation)
    {
        var response = await _api.Http.GetAsync(new Uri($"/api/v1/obligations/{obligation}/draft?format=pdf", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var path = Path.Combine(_factory.DataDirectory, $"{obligation}.pdf");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
        return text;
    }
}
