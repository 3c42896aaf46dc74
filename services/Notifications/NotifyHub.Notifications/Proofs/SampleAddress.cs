using NotifyHub.Notifications.Letters.Addresses;
using NotifyHub.Notifications.Templates;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Proofs;

/// <summary>
/// A made-up, complete postal address for a proof, never a real affected person's: the sample person's name
/// (<see cref="SampleRecipient"/>) at an address that exists nowhere, in the country given, else the language's usual
/// one (ja → Japan, fr → France, anything else → the United Kingdom), so the proof shows that country's block.
/// </summary>
public static class SampleAddress
{
    private static readonly Dictionary<string, (string Line1, string Line2, string Locality, string Region, string Postcode)> Places =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["JP"] = ("見本町一丁目2番3号", "サンプルハイツ101号室", "千代田区", "東京都", "100-0000"),
            ["FR"] = ("8 rue de l'Exemple", "Bâtiment B", "Échantillon-sur-Loire", "", "99999"),
            ["AU"] = ("10 Sample Street", "Unit 2", "Sampleton", "NSW", "2999"),
            ["US"] = ("100 Sample Avenue", "Apt 4", "Exampleville", "ZZ", "00000"),
            ["CA"] = ("100 Sample Avenue", "Apt 4", "Exampleville", "ZZ", "Z0Z 0Z0"),
            ["GB"] = ("1 Sample Street", "Flat 2", "Exampleton", "", "ZZ1 1ZZ"),
            ["DE"] = ("Musterstraße 1", "", "Musterstadt", "", "00000"),
        };

    /// <summary>The countries a proof can be asked for with <c>?country=</c>.</summary>
    public static IReadOnlyCollection<string> Countries => Places.Keys;

    public static bool Knows(string country) => Places.ContainsKey(country);

    public static PostalAddress For(Recipient sample, string? country)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var code = !string.IsNullOrWhiteSpace(country) ? country.Trim().ToUpperInvariant()
            : DataCategoryNames.PrimaryLanguage(sample.Language) switch
            {
                "ja" => "JP",
                "fr" => "FR",
                _ => "GB",
            };
        var place = Places[code];
        return new PostalAddress(sample.GivenName, sample.FamilyName, Sensitive.Of(place.Line1), Sensitive.Of(place.Line2),
            Sensitive.Of(place.Locality), Sensitive.Of(place.Region), Sensitive.Of(place.Postcode), code);
    }
}
