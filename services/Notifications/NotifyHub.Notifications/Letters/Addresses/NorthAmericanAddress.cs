namespace NotifyHub.Notifications.Letters.Addresses;

/// <summary>
/// USPS and Canada Post: the name, the street lines, then city, state or province and ZIP or postal code on one
/// line in capitals, no comma: <c>SPRINGFIELD IL 62701</c>, <c>OTTAWA ON K1A 0B1</c>.
/// </summary>
internal static class NorthAmericanAddress
{
    public static IEnumerable<string> Lines(AddressParts a)
    {
        yield return a.WesternName;
        yield return a.Line1;
        yield return a.Line2;
        yield return AddressParts.Join(' ', a.Locality.ToUpperInvariant(), a.Region.ToUpperInvariant(), a.Postcode.ToUpperInvariant());
    }
}
