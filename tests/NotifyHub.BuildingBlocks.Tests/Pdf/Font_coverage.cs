using NotifyHub.BuildingBlocks.Pdf;
using System.Text;

namespace NotifyHub.BuildingBlocks.Tests.Pdf;

/// <summary>Which characters the installed fonts have glyphs for, read from their cmap tables (the Debian fonts test.sh installs).</summary>
public sealed class Font_coverage
{
    [Fact]
    public void The_japanese_truetype_font_has_kana_kanji_and_latin_but_no_hangul()
    {
        var ipaex = FontCoverage.Of(File.ReadAllBytes(PdfFonts.DefaultJapanesePath));

        ipaex.CoversAll("山田 花子 様 〒100-0005 東京都千代田区丸の内一丁目1番1号").ShouldBeTrue();
        ipaex.CoversAll("Amélie, REF-000001-JA01\n").ShouldBeTrue("a line break is never drawn, so it needs no glyph");
        ipaex.CoversAll("김민준").ShouldBeFalse();
        ipaex.Covers(new Rune(0x1F600)).ShouldBeFalse("an emoji, outside the Basic Multilingual Plane");
    }

    [Fact]
    public void The_latin_font_has_french_accents_but_no_kanji_and_the_cjk_collection_has_hangul()
    {
        var dejaVu = FontCoverage.Of(File.ReadAllBytes(PdfFonts.DefaultLatinPath));
        var noto = FontCoverage.Of(OpenTypeCollection.ExtractFace(File.ReadAllBytes(PdfFonts.DefaultCjkPath), PdfFonts.DefaultCjkFamily));

        dejaVu.CoversAll("Besançon, Lefèvre, Œuvre").ShouldBeTrue();
        dejaVu.CoversAll("様").ShouldBeFalse();
        noto.CoversAll("김민준 山田 様").ShouldBeTrue();
        FontCoverage.None.CoversAll("A").ShouldBeFalse();
    }
}
