using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Sms;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// Renders variants not saved yet for the made-up sample person, as the template form's live preview: nothing is
/// stored, audited or published. A variant that does not parse or render gets its reason instead of a preview.
/// </summary>
public sealed record PreviewDraft(Guid IncidentId, string Channel, IReadOnlyList<TemplateVariantInput> Variants)
    : IQuery<IReadOnlyList<DraftPreview>>;

public sealed record DraftPreview(string Language, string? Subject, string? Text, SmsPreview? Sms, string? Error);

public sealed class PreviewDraftHandler(NotificationsDbContext db, TemplateEngine engine, TemplateRenderer renderer, IOptions<SmsOptions> sms)
    : IQueryHandler<PreviewDraft, IReadOnlyList<DraftPreview>>
{
    public async ValueTask<IReadOnlyList<DraftPreview>> Handle(PreviewDraft query, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.IncidentId, cancellationToken)
            ?? throw ProblemException.NotFound("Incident", query.IncidentId);
        var channel = WireCode<Channel>.TryParse(query.Channel, out var parsed) ? parsed
            : throw ProblemException.Invalid("unknown_channel", $"'{query.Channel}' is not a channel.", "channel");
        return [.. query.Variants.Select(v => Preview(v, channel, incident))];
    }

    private DraftPreview Preview(TemplateVariantInput variant, Channel channel, Incidents.NotificationsIncident incident)
    {
        var language = variant.Language.Trim();
        var subject = channel == Channel.Sms ? null : variant.Subject;
        // The check creation makes (CreateTemplateValidator): a misspelt variable is said now, not after saving.
        var variables = renderer.SampleVariables(language);
        foreach (var source in new[] { subject, variant.Body })
        {
            if (!string.IsNullOrEmpty(source) && !engine.TryRenderStrict(source, variables, out var error))
            {
                return new DraftPreview(language, null, null, null, error);
            }
        }

        var draft = new Template
        {
            Name = "draft",
            Channel = channel,
            DefaultLanguage = language,
            Variants = [new TemplateVariant { Language = language, Subject = subject, Body = variant.Body }],
            CreatedBy = "",
        };
        try
        {
            var rendered = renderer.Render(draft, SampleRecipient.For(language, incident.DataCategories), incident.Facts());
            SmsPreview? segments = null;
            if (channel == Channel.Sms)
            {
                var count = SmsSegments.Count(rendered.Body);
                segments = new SmsPreview(count.EncodingName, count.Units, count.Segments, sms.Value.MaxSegments);
            }

            return new DraftPreview(language, rendered.Subject, rendered.Text ?? rendered.Body, segments, null);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            return new DraftPreview(language, null, null, null, e.Message);
        }
    }
}
