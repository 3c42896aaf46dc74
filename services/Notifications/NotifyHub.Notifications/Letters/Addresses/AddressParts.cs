namespace NotifyHub.Notifications.Letters.Addresses;

/// <summary>
/// An address's parts revealed for formatting, each on one line with its white space collapsed: a line break inside an
/// imported value must not add a line the window was not measured for.
/// </summary>
internal sealed record AddressParts(string GivenName, string FamilyName, string Line1, string Line2, string Locality, string Region, string Postcode)
{
    public static AddressParts Open(PostalAddress a) => new(Clean(a.GivenName.Reveal()), Clean(a.FamilyName.Reveal()), Clean(a.Line1.Reveal()),
        Clean(a.Line2.Reveal()), Clean(a.Locality.Reveal()), Clean(a.Region.Reveal()), Clean(a.Postcode.Reveal()));

    /// <summary>Given name first, as most of the world writes it on an envelope.</summary>
    public string WesternName => Join(' ', GivenName, FamilyName);

    public static string Join(char separator, params string[] parts) => string.Join(separator, parts.Where(p => p.Length > 0));

    private static string Clean(string? value) =>
        string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
