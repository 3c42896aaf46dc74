using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Text;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Notifications.Delivery;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// The <see cref="NoticeTemplateAdded"/> messages for a new template version, one per language: each variant rendered
/// for a made-up person (what a resident reads, incident summary included), reduced to numbers, counts of people and
/// word hashes. The text itself never leaves this module.
/// </summary>
internal static class NoticeFingerprints
{
    public static IEnumerable<NoticeTemplateAdded> For(Template template, Incidents.NotificationsIncident incident, TemplateRenderer renderer,
        DateTimeOffset now)
    {
        var series = Series(template.IncidentId, template.Name);
        foreach (var variant in template.Variants)
        {
            var rendered = renderer.Render(template, SampleRecipient.For(variant.Language, incident.DataCategories), incident.Facts());
            var text = $"{rendered.Subject}\n{rendered.Text ?? (template.Channel == Channel.Email ? HtmlText.ToPlainText(rendered.Body) : rendered.Body)}";
            yield return new NoticeTemplateAdded(template.IncidentId, template.Id, series, template.Version, template.Channel.ToCode(),
                variant.Language, TextFingerprint.Numbers(text), TextFingerprint.PeopleCounts(text), TextFingerprint.WordHashes(text), now);
        }
    }

    /// <summary>One id for every version of a named template, so the receiver keeps only the latest.</summary>
    private static Guid Series(Guid incidentId, string name) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{incidentId:N}|{name}")).AsSpan(0, 16));
}
