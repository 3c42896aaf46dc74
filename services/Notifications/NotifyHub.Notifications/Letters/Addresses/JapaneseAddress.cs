using System.Globalization;
using System.Text;

namespace NotifyHub.Notifications.Letters.Addresses;

/// <summary>
/// Japan Post's order, from the largest place to the person: the postcode after the 〒 mark (as 123-4567), the
/// prefecture and city, the street (chōme, banchi, gō), the building, and last the family and given name with 様.
/// </summary>
internal static class JapaneseAddress
{
    public const string PostcodeMark = "〒";
    public const string Honorific = "様";

    public static IEnumerable<string> Lines(AddressParts a)
    {
        if (a.Postcode.Length > 0)
        {
            yield return PostcodeMark + Postcode(a.Postcode);
        }

        yield return Place(a.Region, a.Locality);
        yield return a.Line1;
        yield return a.Line2;
        var name = AddressParts.Join(' ', a.FamilyName, a.GivenName);
        if (name.Length > 0)
        {
            yield return $"{name} {Honorific}";
        }
    }

    /// <summary>Seven digits (half- or full-width, with or without the hyphen) as 123-4567; anything else as given.</summary>
    public static string Postcode(string postcode)
    {
        var digits = new StringBuilder();
        foreach (var c in postcode.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not ('-' or ' ' or '〒'))
            {
                return postcode;
            }
        }

        return digits.Length == 7 ? string.Create(CultureInfo.InvariantCulture, $"{digits.ToString(0, 3)}-{digits.ToString(3, 4)}") : postcode;
    }

    /// <summary>東京都 and 千代田区 run together as Japanese writes them; romanised names keep a space.</summary>
    private static string Place(string prefecture, string city) =>
        IsJapanese(prefecture) && IsJapanese(city) ? prefecture + city : AddressParts.Join(' ', prefecture, city);

    private static bool IsJapanese(string text) => text.Length > 0 && text.Any(c => c >= '\u2E80');
}
