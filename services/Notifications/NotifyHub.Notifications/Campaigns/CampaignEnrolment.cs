using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Parties;

namespace NotifyHub.Notifications.Campaigns;

/// <summary>
/// Turns people into notifications for a campaign: the channels each person can be reached on (they have a
/// projection for its purpose), picked by the campaign's strategy. Email and SMS get a <see cref="DeliverNotification"/>
/// each (through the outbox, in the caller's transaction); letters wait for the letter batcher. Never saves: the
/// caller's SaveChanges commits the notifications and their messages together.
/// </summary>
public sealed class CampaignEnrolment(NotificationsDbContext db, TimeProvider clock)
{
    /// <summary>Enrols those of <paramref name="personIds"/> not yet in the campaign; returns how many notifications were queued.</summary>
    public async Task<int> EnrolAsync(Campaign campaign, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var enrolled = await db.CampaignRecipients
            .Where(r => r.CampaignId == campaign.Id && personIds.Contains(r.PersonId))
            .Select(r => r.PersonId).ToListAsync(ct);
        var fresh = personIds.Except(enrolled).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var reachable = await ReachableAsync(campaign.IncidentId, fresh, ct);
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var person in fresh)
        {
            db.CampaignRecipients.Add(new CampaignRecipient { CampaignId = campaign.Id, PersonId = person, EnrolledAt = now });
            var channels = campaign.Channels.Where(c => reachable[person].Contains(c));
            foreach (var channel in campaign.Strategy == CampaignStrategy.All ? channels : channels.Take(1))
            {
                Queue(campaign, person, channel, now);
                queued++;
            }
        }

        return queued;
    }

    /// <summary>After a permanent failure or a suppression: the next channel in the campaign's order the person has, if any.</summary>
    public async Task<bool> FallBackAsync(Campaign campaign, Notification failed, CancellationToken ct)
    {
        if (campaign.Strategy != CampaignStrategy.FirstAvailable || campaign.Status == CampaignStatus.Cancelled)
        {
            return false;
        }

        var reachable = (await ReachableAsync(campaign.IncidentId, [failed.PersonId], ct))[failed.PersonId];
        var next = campaign.Channels.SkipWhile(c => c != failed.Channel).Skip(1).FirstOrDefault(reachable.Contains);
        if (next == 0)
        {
            return false;
        }

        Queue(campaign, failed.PersonId, next, clock.GetUtcNow());
        return true;
    }

    /// <summary>A projection arrived: its people join every launched campaign of the incident (reopening a completed one).</summary>
    public async Task EnrolLateArrivalsAsync(Guid incidentId, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.Where(c => c.IncidentId == incidentId && c.LaunchedAt != null
            && c.Status != CampaignStatus.Cancelled && c.Status != CampaignStatus.Draft).ToListAsync(ct);
        foreach (var campaign in campaigns)
        {
            if (await EnrolAsync(campaign, personIds, ct) > 0 && campaign.Status == CampaignStatus.Completed)
            {
                campaign.Status = CampaignStatus.Running;
                campaign.CompletedAt = null;
            }
        }
    }

    private void Queue(Campaign campaign, Guid person, Channel channel, DateTimeOffset now)
    {
        var notification = Notification.Queue(campaign.IncidentId, campaign.Id, person, channel, campaign.TemplateFor(channel)!.Value, now);
        db.Notifications.Add(notification);
        if (channel != Channel.Letter && campaign.Status == CampaignStatus.Running)
        {
            db.Publish(new DeliverNotification(notification.Id));
        }
        else if (channel != Channel.Letter)
        {
            // Paused: resume republishes everything still queued.
            notification.NotBefore = now;
        }
    }

    private async Task<Dictionary<Guid, HashSet<Channel>>> ReachableAsync(Guid incidentId, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var purposes = await db.AffectedParties.Where(p => p.IncidentId == incidentId && personIds.Contains(p.PersonId))
            .Select(p => new { p.PersonId, p.Purpose }).ToListAsync(ct);
        var reachable = personIds.Distinct().ToDictionary(p => p, _ => new HashSet<Channel>());
        foreach (var party in purposes)
        {
            foreach (var channel in Enum.GetValues<Channel>().Where(c => c.PurposeOf() == party.Purpose))
            {
                reachable[party.PersonId].Add(channel);
            }
        }

        return reachable;
    }
}
