namespace NotifyHub.Notifications.PrintHouses;

/// <summary>Reads a registered print house's public key.</summary>
public static class BatchRecipients
{
    /// <exception cref="FormatException">The key text does not parse as <paramref name="kind"/>.</exception>
    public static IBatchRecipient Parse(PrintHouseKeyKind kind, string publicKey) => kind switch
    {
        PrintHouseKeyKind.OpenPgp => OpenPgpRecipient.Parse(publicKey),
        PrintHouseKeyKind.X509 => CmsFileRecipient.Parse(publicKey),
        _ => throw new FormatException($"Unknown key kind {kind}."),
    };

    public static IBatchRecipient For(PrintHouse house) => Parse(house.KeyKind, house.PublicKey);
}
