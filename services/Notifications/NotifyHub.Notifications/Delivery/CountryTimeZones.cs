using System.Collections.Frozen;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// A country's (ISO 3166-1 alpha-2) time zone for quiet hours: where a country spans several, the zone where most
/// of its people live; otherwise the first zone tzdata lists for it (zone1970.tab); UTC when unknown.
/// </summary>
public static class CountryTimeZones
{
    private static readonly FrozenDictionary<string, string> Primary = new Dictionary<string, string>
    {
        ["AU"] = "Australia/Sydney", ["BR"] = "America/Sao_Paulo", ["CA"] = "America/Toronto", ["CN"] = "Asia/Shanghai",
        ["ES"] = "Europe/Madrid", ["FR"] = "Europe/Paris", ["GB"] = "Europe/London", ["ID"] = "Asia/Jakarta",
        ["IN"] = "Asia/Kolkata", ["JP"] = "Asia/Tokyo", ["KZ"] = "Asia/Almaty", ["MX"] = "America/Mexico_City",
        ["NZ"] = "Pacific/Auckland", ["PT"] = "Europe/Lisbon", ["RU"] = "Europe/Moscow", ["US"] = "America/New_York",
        ["DE"] = "Europe/Berlin", ["AR"] = "America/Argentina/Buenos_Aires", ["CL"] = "America/Santiago",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ZoneTabs = ["/usr/share/zoneinfo/zone1970.tab", "/usr/share/zoneinfo/zone.tab"];
    private static readonly Lazy<FrozenDictionary<string, string>> FromTzData = new(ReadZoneTab);

    public static TimeZoneInfo For(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return TimeZoneInfo.Utc;
        }

        var code = country.Trim().ToUpperInvariant();
        var id = Primary.GetValueOrDefault(code) ?? FromTzData.Value.GetValueOrDefault(code);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private static FrozenDictionary<string, string> ReadZoneTab()
    {
        var zones = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in ZoneTabs.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0 && l[0] != '#'))
            {
                var parts = line.Split('\t');
                if (parts.Length < 3)
                {
                    continue;
                }

                foreach (var country in parts[0].Split(','))
                {
                    zones.TryAdd(country, parts[2]);
                }
            }
        }

        return zones.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
