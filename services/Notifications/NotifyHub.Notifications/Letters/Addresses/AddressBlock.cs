using NotifyHub.Privacy.Fields;
using System.Globalization;

namespace NotifyHub.Notifications.Letters.Addresses;

/// <summary>
/// The lines of the envelope window for a postal address, in the order and form its country's post writes them
/// (Japan, France, Australia, the United States and Canada, the United Kingdom; a postcode-first default for the
/// rest), then the destination country's name in English capitals (the UPU's last line) when the letter crosses a
/// border. Where it is posted from is <see cref="LetterOptions.PostedFrom"/>; unset, the country line is always
/// printed: a domestic letter with it still arrives, a foreign one without it does not.
/// </summary>
public static class AddressBlock
{
    private static readonly Dictionary<string, Func<AddressParts, IEnumerable<string>>> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JP"] = JapaneseAddress.Lines,
        ["FR"] = FrenchAddress.Lines,
        ["AU"] = AustralianAddress.Lines,
        ["US"] = NorthAmericanAddress.Lines,
        ["CA"] = NorthAmericanAddress.Lines,
        ["GB"] = BritishAddress.Lines,
    };

    public static IReadOnlyList<Sensitive<string>> Lines(PostalAddress address, string? postedFrom)
    {
        ArgumentNullException.ThrowIfNull(address);
        var country = address.Country.Trim();
        var format = Formats.GetValueOrDefault(country) ?? GenericAddress.Lines;
        var lines = format(AddressParts.Open(address)).Where(l => l.Length > 0).ToList();
        if (country.Length > 0 && (string.IsNullOrWhiteSpace(postedFrom) || !country.Equals(postedFrom.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            lines.Add(CountryName(country));
        }

        return [.. lines.Select(Sensitive.Of)];
    }

    /// <summary><c>JAPAN</c>, <c>FRANCE</c>, <c>AUSTRALIA</c>; the code itself for one .NET does not know.</summary>
    public static string CountryName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName.ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            return code.ToUpperInvariant();
        }
    }
}
