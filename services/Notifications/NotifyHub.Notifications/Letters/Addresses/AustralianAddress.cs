namespace NotifyHub.Notifications.Letters.Addresses;

/// <summary>
/// Australia Post's order: the name, the street lines, then the locality (suburb or town), the state or territory
/// and the postcode together on the last line, in capitals: <c>SYDNEY NSW 2000</c>.
/// </summary>
internal static class AustralianAddress
{
    public static IEnumerable<string> Lines(AddressParts a)
    {
        yield return a.WesternName;
        yield return a.Line1;
        yield return a.Line2;
        yield return AddressParts.Join(' ', a.Locality.ToUpperInvariant(), a.Region.ToUpperInvariant(), a.Postcode);
    }
}
