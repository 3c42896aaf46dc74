using System.Text.RegularExpressions;

namespace NotifyHub.CallCentre.Support;

/// <summary>
/// Refuses free text that looks like it holds personal data: notes and reasons are for what happened on the call,
/// not for copying down what the caller said. Deliberately eager: a false alarm costs a rephrase, a miss is a leak.
/// </summary>
public static partial class PersonalDataDetector
{
    public static bool LooksPersonal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Email().IsMatch(text) || NumericDate().IsMatch(text) || NamedDate().IsMatch(text)
            || LongNumber().IsMatch(text) || HasReferenceCode(text);
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();

    // 1990-04-12, 12/04/1990, 12.4.90, 1990年4月12日
    [GeneratedRegex(@"\b\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\b\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}\b",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumericDate();

    // 12 April 1990, April 12, 12th of Apr
    [GeneratedRegex(@"\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex NamedDate();

    // Phone, card and account numbers: six or more digits, possibly split by spaces, dashes, dots or brackets.
    [GeneratedRegex(@"\+?\(?\d(?:[\s\-.()]{0,2}\d){5,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LongNumber();

    /// <summary>
    /// Sixteen letters and digits in groups of four (or not): a reference code has digits, four English words do not
    /// (spaces between groups are taken as a code only with two digits or more).
    /// </summary>
    private static bool HasReferenceCode(string text)
    {
        foreach (Match match in ReferenceCode().Matches(text))
        {
            var digits = match.Value.Count(char.IsAsciiDigit);
            if (digits >= (match.Value.Contains(' ', StringComparison.Ordinal) ? 2 : 1))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b[A-Za-z0-9]{4}(?:[\- ]?[A-Za-z0-9]{4}){3}\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReferenceCode();
}
