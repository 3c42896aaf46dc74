namespace NotifyHub.Intake.Imports;

/// <summary>
/// The jurisdiction whose breach law protects a person: their country (already ISO 3166-1 alpha-2 after the import
/// rules), and for US residents their state from the region column (<c>TX</c> or <c>US-TX</c>), because US breach
/// laws are state laws with state thresholds.
/// </summary>
public static class Residence
{
    public const string Unknown = "unknown";

    public static string Of(string? country, string? region)
    {
        if (string.IsNullOrEmpty(country))
        {
            return Unknown;
        }

        if (country == "US" && region is not null)
        {
            var state = region.Trim().ToUpperInvariant();
            if (state.StartsWith("US-", StringComparison.Ordinal))
            {
                state = state[3..];
            }

            if (state.Length == 2 && char.IsAsciiLetter(state[0]) && char.IsAsciiLetter(state[1]))
            {
                return $"US-{state}";
            }
        }

        return country;
    }

    public static string Of(NormalizedParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return Of(party[ImportColumn.Country], party[ImportColumn.Region]);
    }
}
