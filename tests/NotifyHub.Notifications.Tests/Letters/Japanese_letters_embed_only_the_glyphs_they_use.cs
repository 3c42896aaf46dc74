using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Letters;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Privacy.Fields;
using System.Diagnostics;

namespace NotifyHub.Notifications.Tests.Letters;

/// <summary>
/// Japanese letters take the TrueType font, which PDFsharp embeds as the subset of glyphs used, so a batch stays small;
/// a letter with a character that font lacks takes the CJK collection, embedded whole, and still prints every character.
/// </summary>
public sealed class Japanese_letters_embed_only_the_glyphs_they_use
{
    private static readonly LetterPdfRenderer Renderer = new(Options.Create(new LetterOptions()));

    [Fact]
    public async Task A_batch_of_japanese_letters_embeds_a_truetype_subset_and_stays_small()
    {
        var batch = Renderer.Render(Guid.NewGuid(), [.. Enumerable.Range(1, 20).Select(i => Letter($"山田 花子{i} 様", "千代田区丸の内一丁目1番1号"))]);

        var fonts = await PdfFontsAsync(batch.Pdf);
        fonts.ShouldContain(l => l.Contains("IPAexGothic", StringComparison.Ordinal) && l.Contains("CID TrueType", StringComparison.Ordinal));
        fonts.ShouldNotContain(l => l.Contains("Noto", StringComparison.Ordinal));
        // The whole Noto Sans CJK face is 13.7 MB compressed; the subsets of twenty letters' glyphs are a few hundred KB at most.
        batch.Pdf.Length.ShouldBeLessThan(1_000_000);
        var text = await PdfText.ExtractAsync(batch.Pdf);
        text.ShouldContain("山田 花子20 様");
        text.ShouldContain("千代田区丸の内一丁目1番1号");
    }

    [Fact]
    public async Task A_name_the_japanese_font_lacks_takes_the_cjk_collection_and_prints_in_full()
    {
        var batch = Renderer.Render(Guid.NewGuid(), [Letter("김민준 様", "千代田区丸の内一丁目1番1号"), Letter("山田 花子 様", "千代田区")]);

        var fonts = await PdfFontsAsync(batch.Pdf);
        fonts.ShouldContain(l => l.Contains("Noto Sans CJK JP", StringComparison.Ordinal));
        fonts.ShouldContain(l => l.Contains("IPAexGothic", StringComparison.Ordinal), "the other letter of the batch keeps the small font");
        var text = await PdfText.ExtractAsync(batch.Pdf);
        text.ShouldContain("김민준 様");
        text.ShouldContain("山田 花子 様");
    }

    private static LetterContent Letter(string name, string street) =>
        new(Guid.NewGuid(), "ja", [Sensitive.Of("〒100-0005"), Sensitive.Of(street), Sensitive.Of(name)], "JP", "個人情報漏えいのお知らせ",
            $"{name}\n\n漏えいした情報：メールアドレス、クレジットカード番号\n照会番号：REF-000001-JA01",
            new Uri("https://portal.example.test/r/REF-000001-JA01"), Sensitive.Of("REF-000001-JA01"));

    /// <summary>poppler's <c>pdffonts</c>: one line per font the PDF uses, with its type and whether it is a subset.</summary>
    private static async Task<string[]> PdfFontsAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"notifyhub-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdffonts", [file]) { RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new InvalidOperationException("pdffonts did not start (install poppler-utils)");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? output.Split('\n') : throw new InvalidOperationException("pdffonts failed");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
