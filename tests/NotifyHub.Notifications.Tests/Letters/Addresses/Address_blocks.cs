using NotifyHub.Notifications.Letters.Addresses;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Tests.Letters.Addresses;

/// <summary>Each country's address block, line by line, and when the destination country is printed.</summary>
public sealed class Address_blocks
{
    private static PostalAddress Address(string country, string given, string family, string line1, string locality,
        string postcode, string region = "", string line2 = "") =>
        new(Sensitive.Of(given), Sensitive.Of(family), Sensitive.Of(line1), Sensitive.Of(line2), Sensitive.Of(locality),
            Sensitive.Of(region), Sensitive.Of(postcode), country);

    private static List<string> Lines(PostalAddress address, string? postedFrom) =>
        [.. AddressBlock.Lines(address, postedFrom).Select(l => l.Reveal())];

    [Fact]
    public void Japan_starts_with_the_postcode_mark_and_ends_with_the_name_and_sama()
    {
        var address = Address("JP", "花子", "山田", "丸の内一丁目1番1号", "千代田区", "1000005", region: "東京都", line2: "丸の内ビル12階");

        Lines(address, "JP").ShouldBe(["〒100-0005", "東京都千代田区", "丸の内一丁目1番1号", "丸の内ビル12階", "山田 花子 様"]);
        Lines(address, "GB")[^1].ShouldBe("JAPAN");
    }

    [Theory]
    [InlineData("100-0005", "100-0005")]
    [InlineData("1000005", "100-0005")]
    [InlineData("１００－０００５", "100-0005")]
    [InlineData("〒100-0005", "100-0005")]
    [InlineData("10005", "10005")]
    public void A_japanese_postcode_is_written_as_three_and_four_digits(string given, string expected) =>
        JapaneseAddress.Postcode(given).ShouldBe(expected);

    [Fact]
    public void A_romanised_japanese_place_keeps_its_spaces()
    {
        var address = Address("JP", "Hanako", "Yamada", "1-1-1 Marunouchi", "Chiyoda-ku", "100-0005", region: "Tokyo");

        Lines(address, "JP").ShouldBe(["〒100-0005", "Tokyo Chiyoda-ku", "1-1-1 Marunouchi", "Yamada Hanako 様"]);
    }

    [Fact]
    public void France_puts_the_complement_before_the_street_and_the_postcode_before_the_town_in_capitals()
    {
        var address = Address("FR", "Amélie", "Lefèvre", "12 rue de l'Église", "Besançon", "25000", region: "Doubs", line2: "Bâtiment B");

        Lines(address, "FR").ShouldBe(["Amélie Lefèvre", "Bâtiment B", "12 rue de l'Église", "25000 BESANCON"]);
    }

    [Theory]
    [InlineData("Saint-Étienne", "SAINT ETIENNE")]
    [InlineData("L'Haÿ-les-Roses", "L HAY LES ROSES")]
    [InlineData("Vœuil-et-Giget", "VOEUIL ET GIGET")]
    public void A_french_town_is_written_as_la_poste_routes_it(string town, string expected) =>
        FrenchAddress.Town(town).ShouldBe(expected);

    [Fact]
    public void France_prints_FRANCE_only_when_posted_from_abroad()
    {
        var address = Address("FR", "Amélie", "Lefèvre", "12 rue de l'Église", "Besançon", "25000");

        Lines(address, "FR").ShouldNotContain("FRANCE");
        Lines(address, "GB")[^1].ShouldBe("FRANCE");
        Lines(address, null)[^1].ShouldBe("FRANCE", "unknown origin: the country line is printed, which never stops a letter");
    }

    [Fact]
    public void Australia_puts_suburb_state_and_postcode_on_one_line()
    {
        var address = Address("AU", "Olivia", "Nguyen", "10 George Street", "Sydney", "2000", region: "nsw", line2: "Unit 2");

        Lines(address, "AU").ShouldBe(["Olivia Nguyen", "10 George Street", "Unit 2", "SYDNEY NSW 2000"]);
        Lines(address, "JP")[^1].ShouldBe("AUSTRALIA");
    }

    [Fact]
    public void The_united_states_put_city_state_and_zip_on_one_line()
    {
        var address = Address("US", "Jordan", "Lee", "1600 Main St", "Springfield", "62701", region: "IL");

        Lines(address, "US").ShouldBe(["Jordan Lee", "1600 Main St", "SPRINGFIELD IL 62701"]);
    }

    [Fact]
    public void The_united_kingdom_puts_the_post_town_in_capitals_and_the_postcode_alone_last()
    {
        var address = Address("GB", "Alex", "Morgan", "1 High Street", "Guildford", "gu1 3aa", region: "Surrey");

        Lines(address, "GB").ShouldBe(["Alex Morgan", "1 High Street", "GUILDFORD", "GU1 3AA"]);
    }

    [Fact]
    public void Another_country_puts_the_postcode_before_the_locality()
    {
        var address = Address("DE", "Lena", "Schmidt", "Musterstraße 5", "Berlin", "10115");

        Lines(address, "DE").ShouldBe(["Lena Schmidt", "Musterstraße 5", "10115 Berlin"]);
        Lines(address, "FR")[^1].ShouldBe("GERMANY");
    }

    [Fact]
    public void A_line_break_inside_a_value_does_not_add_a_line()
    {
        var address = Address("GB", "Alex", "Morgan", "1 High\nStreet", "Guildford", "GU1 3AA");

        Lines(address, "GB").ShouldBe(["Alex Morgan", "1 High Street", "GUILDFORD", "GU1 3AA"]);
    }

    [Fact]
    public void A_name_and_country_alone_cannot_be_posted()
    {
        Address("GB", "Alex", "Morgan", "", "", "").CanBePosted.ShouldBeFalse();
        Address("GB", "Alex", "Morgan", "1 High Street", "", "").CanBePosted.ShouldBeTrue();
    }
}
