using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Privacy.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.Campaigns;

/// <summary>A campaign in draft: channels in order, a strategy, and the template version per channel (checked again at launch).</summary>
public sealed record CreateCampaign(
    string Name,
    IReadOnlyList<string> Channels,
    string Strategy,
    IReadOnlyDictionary<string, Guid>? Templates) : ICommand<CampaignCreated>
{
    [JsonIgnore]
    public Guid IncidentId { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "";
}

public sealed record CampaignCreated(Guid Id);

public sealed class CreateCampaignHandler(NotificationsDbContext db, CurrentActor actor, TimeProvider clock) : ICommandHandler<CreateCampaign, CampaignCreated>
{
    public async ValueTask<CampaignCreated> Handle(CreateCampaign command, CancellationToken cancellationToken)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == command.IncidentId, cancellationToken))
        {
            throw ProblemException.NotFound("Incident", command.IncidentId);
        }

        var templates = new List<CampaignTemplate>();
        foreach (var (code, templateId) in command.Templates ?? new Dictionary<string, Guid>())
        {
            var channel = WireCode<Channel>.Parse(code);
            var template = await db.Templates.AsNoTracking().Where(t => t.Id == templateId)
                .Select(t => new { t.IncidentId, t.Channel }).FirstOrDefaultAsync(cancellationToken);
            if (template is null || template.IncidentId != command.IncidentId || template.Channel != channel)
            {
                throw new ProblemException(ProblemKind.Invalid, "template_mismatch", "Unknown template",
                    $"Template {templateId} is not a {code} template of this incident.");
            }

            templates.Add(new CampaignTemplate { Channel = channel, TemplateId = templateId });
        }

        var now = clock.GetUtcNow();
        var campaign = new Campaign
        {
            Id = Guid.CreateVersion7(now),
            IncidentId = command.IncidentId,
            Name = command.Name.Trim(),
            Channels = [.. command.Channels.Select(WireCode<Channel>.Parse)],
            Strategy = WireCode<CampaignStrategy>.Parse(command.Strategy),
            Templates = templates,
            CreatedBy = command.Actor,
            CreatedAt = now,
        };
        db.Campaigns.Add(campaign);
        db.Audit(actor.Stamp(new AuditEvent(PrivilegedActions.CampaignCreated, AuditOutcomes.Done)
        {
            SubjectId = campaign.Id,
            Details = new Dictionary<string, string>
            {
                ["incident_id"] = campaign.IncidentId.ToString(),
                ["channels"] = string.Join(',', campaign.Channels.Select(c => c.ToCode())),
                ["templates"] = string.Join(',', templates.Select(t => t.TemplateId)),
            },
        }));
        await db.SaveChangesAsync(cancellationToken);
        return new CampaignCreated(campaign.Id);
    }
}
