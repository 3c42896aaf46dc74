using System.Globalization;
using System.Text;

namespace NotifyHub.Notifications.Letters.Addresses;

/// <summary>
/// La Poste's order (standard NF Z10-011): the name; the complement (flat, floor, building: <c>address_line2</c>)
/// BEFORE the number and street (<c>address_line1</c>); then the postcode and the town on the last line, the town in
/// capitals without accents or punctuation, as La Poste's own routing names are written (<c>25000 BESANCON</c>).
/// No region line: a French address has none.
/// </summary>
internal static class FrenchAddress
{
    public static IEnumerable<string> Lines(AddressParts a)
    {
        yield return a.WesternName;
        yield return a.Line2;
        yield return a.Line1;
        yield return AddressParts.Join(' ', a.Postcode, Town(a.Locality));
    }

    public static string Town(string locality)
    {
        var upper = locality.ToUpperInvariant().Replace("Œ", "OE", StringComparison.Ordinal).Replace("Æ", "AE", StringComparison.Ordinal);
        var plain = new StringBuilder(upper.Length);
        foreach (var c in upper.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(c is '-' or '\'' or '’' or ',' or '.' ? ' ' : c);
        }

        return string.Join(' ', plain.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
