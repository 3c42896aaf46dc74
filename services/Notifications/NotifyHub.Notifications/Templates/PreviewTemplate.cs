using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Sms;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Templates;

/// <summary>Renders a template version for a sample person, in a language of the caller's choice.</summary>
public sealed record PreviewTemplate(string? Language, SampleInput? Sample) : IQuery<TemplatePreview>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid TemplateId { get; init; }
}

/// <summary>Overrides for the sample person; anything left out takes a made-up value.</summary>
public sealed record SampleInput(string? GivenName, string? FamilyName, string? ReferenceCode, IReadOnlyList<string>? Categories);

public sealed record TemplatePreview(
    Guid TemplateId, string Name, int Version, string Channel, string Language, string? Subject, string Body, string? Text,
    SmsPreview? Sms);

public sealed record SmsPreview(string Encoding, int Units, int Segments, int MaxSegments);

public sealed class PreviewTemplateHandler(NotificationsDbContext db, TemplateRenderer renderer, IOptions<SmsOptions> sms)
    : IQueryHandler<PreviewTemplate, TemplatePreview>
{
    public async ValueTask<TemplatePreview> Handle(PreviewTemplate query, CancellationToken cancellationToken)
    {
        var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.TemplateId, cancellationToken)
            ?? throw ProblemException.NotFound("Template", query.TemplateId);
        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == template.IncidentId, cancellationToken);

        var language = string.IsNullOrWhiteSpace(query.Language) ? template.DefaultLanguage : query.Language.Trim();
        var sample = SampleRecipient.For(language, query.Sample?.Categories ?? incident.DataCategories);
        if (query.Sample is { } s)
        {
            sample = sample with
            {
                GivenName = s.GivenName is null ? sample.GivenName : Sensitive.Of(s.GivenName),
                FamilyName = s.FamilyName is null ? sample.FamilyName : Sensitive.Of(s.FamilyName),
                ReferenceCode = s.ReferenceCode is null ? sample.ReferenceCode : Sensitive.Of(s.ReferenceCode),
            };
        }

        var rendered = renderer.Render(template, sample, incident.Facts());
        SmsPreview? segments = null;
        if (template.Channel == Channel.Sms)
        {
            var count = SmsSegments.Count(rendered.Body);
            segments = new SmsPreview(count.EncodingName, count.Units, count.Segments, sms.Value.MaxSegments);
        }

        return new TemplatePreview(template.Id, template.Name, template.Version, template.Channel.ToCode(), rendered.Language,
            rendered.Subject, rendered.Body, rendered.Text, segments);
    }
}
