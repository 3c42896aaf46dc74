using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.Notifications.Letters.Addresses;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// What one letter says, before layout: its template rendered for the recipient, the address block in the order of
/// the address's country, and the portal link for the QR code. The print run and the proofs both compose letters
/// here, so a proof shows exactly what will print; the letters benchmark does too, so its bare loop renders the
/// pages the print run renders (the link's length alone decides the QR code's size, the render's costliest part).
/// </summary>
public sealed class LetterComposer(TemplateRenderer renderer, IOptions<LetterOptions> letters, IOptions<NotifyHubOptions> hub)
{
    /// <exception cref="TemplateLimitException">The template rendered for this recipient exceeds its limits.</exception>
    public LetterContent Compose(Guid letterId, Template template, IncidentFacts incident, Recipient recipient, PostalAddress address)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(address);
        var rendered = renderer.Render(template, recipient, incident);
        return new LetterContent(letterId, rendered.Language, AddressBlock.Lines(address, letters.Value.PostedFrom), address.Country,
            rendered.Subject, rendered.Body, TemplateRenderer.PortalUrl(hub.Value.PublicBaseUrl, recipient.ReferenceCode.Reveal()),
            recipient.ReferenceCode);
    }
}
