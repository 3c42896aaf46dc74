using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Sms;
using NotifyHub.Privacy.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.Templates;

/// <summary>Adds a version of the named template (version 1 for a new name). Liquid is parsed here, never first at send time.</summary>
public sealed record CreateTemplate(
    string Name,
    string Channel,
    string DefaultLanguage,
    IReadOnlyList<TemplateVariantInput> Variants) : ICommand<TemplateCreated>
{
    [JsonIgnore]
    public Guid IncidentId { get; init; }

    /// <summary>Who creates it; set from the caller's identity, never from the body.</summary>
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed record TemplateVariantInput(string Language, string? Subject, string Body, string? Text = null);

public sealed record TemplateCreated(Guid Id, int Version);

public sealed class CreateTemplateHandler(
    NotificationsDbContext db, TemplateRenderer renderer, IOptions<SmsOptions> sms, CurrentActor actor, TimeProvider clock)
    : ICommandHandler<CreateTemplate, TemplateCreated>
{
    public async ValueTask<TemplateCreated> Handle(CreateTemplate command, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == command.IncidentId, cancellationToken)
            ?? throw ProblemException.NotFound("Incident", command.IncidentId);
        var channel = WireCode<Channel>.Parse(command.Channel);
        var name = command.Name.Trim();

        // Unique (incident, name, version): two concurrent POSTs of one name race for a version; the loser retries.
        for (var attempt = 1; ; attempt++)
        {
            var latest = await db.Templates.Where(t => t.IncidentId == command.IncidentId && t.Name == name)
                .MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;
            var template = new Template
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                IncidentId = command.IncidentId,
                Name = name,
                Version = latest + 1,
                Channel = channel,
                DefaultLanguage = command.DefaultLanguage.Trim(),
                Variants = [.. command.Variants.Select(v => new TemplateVariant
                {
                    Language = v.Language.Trim(), Subject = v.Subject, Body = v.Body, Text = v.Text,
                })],
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = command.Actor,
            };
            if (channel == Channel.Sms)
            {
                CheckSegments(template, incident);
            }

            db.Templates.Add(template);
            foreach (var fingerprint in NoticeFingerprints.For(template, incident, renderer, clock.GetUtcNow()))
            {
                db.Publish(fingerprint);
            }

            db.Audit(actor.Stamp(new AuditEvent(PrivilegedActions.TemplateCreated, AuditOutcomes.Done)
            {
                SubjectId = template.Id,
                Details = new Dictionary<string, string>
                {
                    ["incident_id"] = template.IncidentId.ToString(),
                    ["channel"] = channel.ToCode(),
                    ["version"] = template.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["languages"] = string.Join(',', template.Variants.Select(v => v.Language)),
                },
            }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new TemplateCreated(template.Id, template.Version);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private void CheckSegments(Template template, Incidents.NotificationsIncident incident)
    {
        var max = sms.Value.MaxSegments;
        foreach (var variant in template.Variants)
        {
            var rendered = renderer.Render(template, SampleRecipient.For(variant.Language, incident.DataCategories), incident.Facts());
            var count = SmsSegments.Count(rendered.Body);
            if (count.Segments > max)
            {
                throw new ProblemException(ProblemKind.Invalid, "sms_too_long", "The SMS is too long",
                    $"Variant '{variant.Language}' renders to {count.Segments} {count.EncodingName} segments for a sample person; " +
                    $"the maximum is {max} (NotifyHub:Sms:MaxSegments).");
            }
        }
    }
}
