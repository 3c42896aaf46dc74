using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Letters;
using NotifyHub.Notifications.Letters.Addresses;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Tests.Letters.Addresses;

/// <summary>An address block is measured with the letter's own font against the envelope window, and refused when it would not fit.</summary>
public sealed class Address_window
{
    private readonly LetterPdfRenderer _renderer = new(Options.Create(new LetterOptions()));

    private string? Problem(string language, params string[] lines) => _renderer.AddressProblem(new LetterContent(Guid.NewGuid(), language,
        [.. lines.Select(Sensitive.Of)], "GB", "Notice", "Body", new Uri("https://portal.example/status?code=X"), Sensitive.Of("X")));

    [Fact]
    public void Six_ordinary_lines_fit()
    {
        Problem("en", "Alex Morgan", "Flat 2", "1 High Street", "Merrow", "GUILDFORD", "GU1 3AA").ShouldBeNull();
        Problem("ja", "〒100-0005", "東京都千代田区", "丸の内一丁目1番1号", "丸の内ビル12階", "山田 花子 様", "JAPAN").ShouldBeNull();
    }

    [Fact]
    public void A_seventh_line_does_not_fit() =>
        Problem("en", "Alex Morgan", "Flat 2", "1 High Street", "Merrow", "GUILDFORD", "GU1 3AA", "UNITED KINGDOM")
            .ShouldBe(AddressWindow.DoesNotFit);

    [Fact]
    public void A_line_wider_than_the_window_does_not_fit()
    {
        Problem("en", "Alex Morgan", "Appartement 1234, Résidence des Grandes Allées Fleuries du Parc", "GUILDFORD")
            .ShouldBe(AddressWindow.DoesNotFit);
        Problem("ja", "〒100-0005", "東京都千代田区丸の内一丁目一番一号丸の内パークビルディング東館", "山田 花子 様")
            .ShouldBe(AddressWindow.DoesNotFit, "Japanese glyphs are full-width: 30 of them overrun 80 mm at 10.5 pt");
    }

    [Fact]
    public void Measuring_is_by_width_not_by_count_of_characters()
    {
        // 38 narrow letters fit where 38 wide ones do not: the window is measured, not counted.
        Problem("en", "Alex Morgan", new string('i', 38), "GUILDFORD").ShouldBeNull();
        Problem("en", "Alex Morgan", new string('W', 38), "GUILDFORD").ShouldBe(AddressWindow.DoesNotFit);
    }
}
