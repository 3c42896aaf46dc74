using System.Globalization;
using System.Text;

namespace NotifyHub.Console.Vendors;

/// <summary>
/// Vendor names are picked from lists by people binding agents to vendors, so they must read as what they are:
/// no bidirectional overrides, zero-width or other invisible format characters, no control characters and no markup.
/// Names are compared NFC-normalised, case- and spacing-insensitively.
/// </summary>
public static class VendorName
{
    public static string Normalize(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string ComparisonKey(string name) => Normalize(name).ToUpperInvariant();

    public static bool IsClean(string? name) =>
        name is not null && name.All(c =>
            CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned)
            && c is not ('<' or '>'));
}
