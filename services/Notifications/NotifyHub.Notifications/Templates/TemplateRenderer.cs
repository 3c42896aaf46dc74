using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.Notifications.Delivery;
using System.Text.Encodings.Web;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// Renders a template version for one person: picks the variant in the person's language (else the template's
/// default), fills the variables, HTML-encodes values in email bodies and leaves every other part as plain text.
/// </summary>
public sealed class TemplateRenderer(TemplateEngine engine, IOptions<NotifyHubOptions> hub, IOptions<NotificationsOptions> options)
{
    public RenderedMessage Render(Template template, Recipient recipient, IncidentFacts incident)
    {
        var variant = template.VariantFor(recipient.Language);
        var variables = Variables(recipient, incident, recipient.Language ?? variant.Language);
        TextEncoder? plain = null; // SMS, letters, subjects and text parts are not HTML
        var subject = variant.Subject is null ? null : engine.Render(variant.Subject, variables, plain).Trim();
        if (template.Channel != Channel.Email)
        {
            return new RenderedMessage(variant.Language, subject, engine.Render(variant.Body, variables, plain).Trim(), null);
        }

        var html = engine.Render(variant.Body, variables, HtmlEncoder.Default);
        var text = variant.Text is null ? HtmlText.ToPlainText(html) : engine.Render(variant.Text, variables, plain);
        return new RenderedMessage(variant.Language, subject, html, text);
    }

    /// <summary>Every variable a template may use, filled for a made-up person: what creation checks templates against.</summary>
    public IReadOnlyDictionary<string, object> SampleVariables(string? language) =>
        Variables(SampleRecipient.For(language, null), new IncidentFacts("Sample incident", "Sample summary", DateTimeOffset.UnixEpoch), language ?? "en");

    /// <summary>The portal page where a person checks their status with their reference code.</summary>
    public static Uri PortalUrl(Uri publicBaseUrl, string referenceCode) =>
        new(publicBaseUrl.ToString().TrimEnd('/') + "/status?code=" + Uri.EscapeDataString(referenceCode));

    private Dictionary<string, object> Variables(Recipient recipient, IncidentFacts incident, string language)
    {
        var code = recipient.ReferenceCode.Reveal();
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["given_name"] = recipient.GivenName.Reveal(),
            ["family_name"] = recipient.FamilyName.Reveal(),
            ["reference_code"] = code,
            ["portal_url"] = PortalUrl(hub.Value.PublicBaseUrl, code).ToString(),
            ["helpline"] = options.Value.Helpline,
            ["categories"] = DataCategoryNames.NamesOf(recipient.DataCategories, language).ToArray(),
            ["incident"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["title"] = incident.Title,
                ["summary"] = incident.Summary,
                ["discovered_at"] = LocalisedDates.Format(incident.DiscoveredAt, language),
            },
        };
    }
}
