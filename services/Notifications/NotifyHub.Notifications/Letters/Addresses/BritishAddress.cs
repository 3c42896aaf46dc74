namespace NotifyHub.Notifications.Letters.Addresses;

/// <summary>
/// Royal Mail: the name, the street lines, the post town in capitals, and the postcode alone on the last line. No
/// county: Royal Mail does not need it, and a line saved is a line the window keeps.
/// </summary>
internal static class BritishAddress
{
    public static IEnumerable<string> Lines(AddressParts a)
    {
        yield return a.WesternName;
        yield return a.Line1;
        yield return a.Line2;
        yield return a.Locality.ToUpperInvariant();
        yield return a.Postcode.ToUpperInvariant();
    }
}
