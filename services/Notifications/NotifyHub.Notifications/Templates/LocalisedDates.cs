using System.Globalization;

namespace NotifyHub.Notifications.Templates;

/// <summary>Dates as a reader of each language writes them: "14 March 2024", "14 mars 2024", "2024年3月14日".</summary>
public static class LocalisedDates
{
    public static string Format(DateTimeOffset value, string? language)
    {
        var date = value.UtcDateTime;
        return DataCategoryNames.PrimaryLanguage(language) switch
        {
            "en" => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
            "fr" => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")),
            "ja" => date.ToString("yyyy年M月d日", CultureInfo.GetCultureInfo("ja-JP")),
            var other => date.ToString("D", CultureFor(other)),
        };
    }

    private static CultureInfo CultureFor(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
