namespace NotifyHub.Notifications.Letters.Addresses;

/// <summary>
/// Any other country: the name, the street lines, the postcode before the locality (as most of continental Europe and
/// Latin America write it: <c>10115 Berlin</c>), and the region, if any, on its own line.
/// </summary>
internal static class GenericAddress
{
    public static IEnumerable<string> Lines(AddressParts a)
    {
        yield return a.WesternName;
        yield return a.Line1;
        yield return a.Line2;
        yield return AddressParts.Join(' ', a.Postcode, a.Locality);
        yield return a.Region;
    }
}
