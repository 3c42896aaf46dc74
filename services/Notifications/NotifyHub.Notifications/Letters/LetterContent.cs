using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// One person's letter before layout: the address lines for the envelope window, the rendered text, and the
/// portal link with their reference code for the QR code. Holds personal data: never log it.
/// </summary>
public sealed record LetterContent(
    Guid LetterId,
    string Language,
    IReadOnlyList<Sensitive<string>> AddressLines,
    string Country,
    string? Heading,
    string Body,
    Uri PortalUrl,
    Sensitive<string> ReferenceCode);
