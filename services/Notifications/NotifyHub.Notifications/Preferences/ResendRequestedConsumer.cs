using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Notifications.Campaigns;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Parties;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Notifications.Preferences;

/// <summary>
/// A person (on the portal) or an agent (for a caller) asked for the notice again: the person's latest notice is queued
/// once more, outside any campaign, on the channel asked for if the person has it and has not stopped it, otherwise on
/// the first of email, SMS, letter that they have and have not stopped. Once per request: the inbox drops a
/// redelivered message. Each request leaves an audit entry, also when there was nothing to send.
/// </summary>
public sealed class ResendRequestedConsumer(NotificationsDbContext db, IOptions<NotificationsOptions> options, TimeProvider clock)
    : IdempotentConsumer<ResendRequested, NotificationsDbContext>(db)
{
    public const string ResendAction = "notice.resend";

    private static readonly Channel[] FallBackOrder = [Channel.Email, Channel.Sms, Channel.Letter];

    protected override async Task HandleAsync(ResendRequested message, ConsumeContext<ResendRequested> context)
    {
        var ct = context.CancellationToken;
        var sent = await Db.Notifications.AsNoTracking()
            .Where(n => n.IncidentId == message.IncidentId && n.PersonId == message.PersonId)
            .ToListAsync(ct);
        // In memory: SQLite cannot order by a DateTimeOffset, and one person has a handful of notifications.
        var latest = sent.Where(n => n.Status != DeliveryStatus.Cancelled).OrderByDescending(n => n.QueuedAt).FirstOrDefault();
        var chosen = latest is null ? null : await ChooseAsync(message, latest, ct);
        if (chosen is not { } choice)
        {
            Audit(message, AuditOutcomes.Failed, latest is null ? "nothing_sent_before" : "no_channel_left", null);
            return;
        }

        var now = clock.GetUtcNow();
        var notification = Notification.Resend(message.IncidentId, message.PersonId, choice.Channel, choice.TemplateId, now);
        Db.Notifications.Add(notification);
        if (choice.Channel != Channel.Letter)
        {
            foreach (var deliver in DeliverNotifications.For([notification.Id], options.Value.DeliveryBatchSize))
            {
                Db.Publish(deliver);
            }
        }

        Audit(message, AuditOutcomes.Done, null, notification);
    }

    private async Task<(Channel Channel, Guid TemplateId)?> ChooseAsync(ResendRequested message, Notification latest, CancellationToken ct)
    {
        var purposes = await Db.AffectedParties.AsNoTracking()
            .Where(p => p.IncidentId == message.IncidentId && p.PersonId == message.PersonId)
            .Select(p => p.Purpose).ToListAsync(ct);
        var preference = await Db.ContactPreferences.AsNoTracking()
            .FirstOrDefaultAsync(p => p.IncidentId == message.IncidentId && p.PersonId == message.PersonId, ct);
        var campaign = latest.CampaignId is { } campaignId ? await Db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct) : null;
        var templates = (await Db.Templates.AsNoTracking().Where(t => t.IncidentId == message.IncidentId)
            .Select(t => new { t.Id, t.Channel, t.Version }).ToListAsync(ct))
            .GroupBy(t => t.Channel).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Version)!.Id);

        IEnumerable<Channel> order = WireCode<Channel>.TryParse(message.Channel, out var asked) ? [asked, .. FallBackOrder] : FallBackOrder;
        foreach (var channel in order.Distinct())
        {
            if (!purposes.Contains(channel.PurposeOf()) || preference?.Stops(channel) == true)
            {
                continue;
            }

            // The same wording as the notice being repeated where there is one for the channel, else the incident's latest.
            Guid? template = channel == latest.Channel ? latest.TemplateId : campaign?.TemplateFor(channel);
            template ??= templates.TryGetValue(channel, out var newest) ? newest : null;
            if (template is { } id)
            {
                return (channel, id);
            }
        }

        return null;
    }

    private void Audit(ResendRequested message, string outcome, string? reason, Notification? notification)
    {
        var details = new Dictionary<string, string>
        {
            ["incident_id"] = message.IncidentId.ToString(),
            ["requested_channel"] = WireCode<Channel>.TryParse(message.Channel, out var asked) ? asked.ToCode() : "invalid",
            // Empty ids: the person asked on the portal, not an agent on a case.
            ["case_id"] = message.CaseId.ToString(),
            ["requested_by"] = message.RequestedBy.ToString(),
        };
        if (notification is not null)
        {
            details["notification_id"] = notification.Id.ToString();
            details["channel"] = notification.Channel.ToCode();
        }

        if (reason is not null)
        {
            details["reason"] = reason;
        }

        Db.Audit(new AuditEvent(ResendAction, outcome)
        {
            ActorUserId = message.RequestedBy == Guid.Empty ? null : message.RequestedBy,
            SubjectId = message.PersonId,
            Details = details,
        });
    }
}
