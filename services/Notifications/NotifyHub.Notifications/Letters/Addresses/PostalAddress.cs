using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Letters.Addresses;

/// <summary>
/// A person's postal address in its parts, as the mail-house projection holds them, opened in memory for one letter
/// (or made up for a proof). <see cref="AddressBlock"/> turns it into the lines of the envelope window in the order
/// of <see cref="Country"/>. Holds personal data: never log it.
/// </summary>
public sealed record PostalAddress(
    Sensitive<string> GivenName,
    Sensitive<string> FamilyName,
    Sensitive<string> Line1,
    Sensitive<string> Line2,
    Sensitive<string> Locality,
    Sensitive<string> Region,
    Sensitive<string> Postcode,
    string Country)
{
    /// <summary>A street or a town to post to: a name and a country alone cannot be delivered.</summary>
    public bool CanBePosted => Line1.Reveal().Trim().Length > 0 || Locality.Reveal().Trim().Length > 0;
}
