using System.Globalization;
using System.Text.RegularExpressions;

namespace NotifyHub.Intake.Incidents;

/// <summary>ISO 3166-1 alpha-2 country codes (<c>JP</c>) or ISO 3166-2 subdivision codes (<c>US-CA</c>, <c>AU-NSW</c>).</summary>
public static partial class Jurisdiction
{
    public static bool IsValid(string? code)
    {
        if (code is null || !Shape().IsMatch(code))
        {
            return false;
        }

        var country = code[..2].ToUpperInvariant();
        try
        {
            // RegionInfo knows every assigned alpha-2 code (backed by ICU's region data).
            return new RegionInfo(country).TwoLetterISORegionName == country;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$")]
    private static partial Regex Shape();
}
