using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Intake;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Parties;
using NotifyHub.Notifications.Preferences;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Campaigns;

/// <summary>
/// Turns people into notifications for a campaign: the channels each person can be reached on (they have a
/// projection for its purpose), picked by the campaign's strategy. Email and SMS are published in
/// <see cref="DeliverNotifications"/> messages (through the outbox, in the caller's transaction); letters wait for the
/// letter batcher. Never saves: the caller's SaveChanges commits the notifications and their messages together.
/// </summary>
public sealed class CampaignEnrolment(NotificationsDbContext db, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    private readonly List<Guid> _toDeliver = [];

    /// <summary>Enrols those of <paramref name="personIds"/> not yet in the campaign; returns how many notifications were queued.</summary>
    public async Task<int> EnrolAsync(Campaign campaign, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var enrolled = await db.CampaignRecipients
            .Where(r => r.CampaignId == campaign.Id && personIds.Contains(r.PersonId))
            .Select(r => r.PersonId)
            // People who arrived after launch are enrolled channel by channel, without a recipient row.
            .Union(db.Notifications.Where(n => n.CampaignId == campaign.Id && personIds.Contains(n.PersonId)).Select(n => n.PersonId))
            .ToListAsync(ct);
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
            foreach (var channel in Chosen(campaign, reachable[person]))
            {
                Queue(campaign, person, channel, now);
                queued++;
            }
        }

        PublishQueued();
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
        PublishQueued();
        return true;
    }

    /// <summary>
    /// Projections arrived after launch: their people join every launched campaign of the incident (reopening a
    /// completed one). The channels are chosen by the campaign's strategy among every purpose the person has
    /// (<see cref="LateArrival.Has"/>), less those they stopped on the portal, and only those whose projection arrived
    /// now are queued. When a person's purposes arrive apart (the retired per-purpose message) the result does not
    /// depend on which came first, and two arrivals never queue the same channel. A person already notified by a
    /// <c>first-available</c> campaign gets nothing more.
    /// </summary>
    public async Task EnrolLateArrivalsAsync(Guid incidentId, IReadOnlyList<LateArrival> parties, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.Where(c => c.IncidentId == incidentId && c.LaunchedAt != null
            && c.Status != CampaignStatus.Cancelled && c.Status != CampaignStatus.Draft).ToListAsync(ct);
        if (campaigns.Count == 0)
        {
            return;
        }

        var ids = parties.Select(p => p.PersonId).ToList();
        var campaignIds = campaigns.Select(c => (Guid?)c.Id).ToList();
        var existing = (await db.Notifications.Where(n => campaignIds.Contains(n.CampaignId) && ids.Contains(n.PersonId))
                .Select(n => new { n.CampaignId, n.PersonId, n.Channel }).ToListAsync(ct))
            .ToLookup(n => (n.CampaignId!.Value, n.PersonId), n => n.Channel);
        var preferences = await ContactPreferences.ForAsync(db, [incidentId], ids, ct);
        var now = clock.GetUtcNow();
        foreach (var campaign in campaigns)
        {
            var queued = 0;
            foreach (var party in parties)
            {
                HashSet<Channel> reachable = [.. Enum.GetValues<Channel>().Where(c => party.Has.Contains(c.PurposeOf()))];
                if (preferences.GetValueOrDefault((incidentId, party.PersonId)) is { } preference)
                {
                    reachable.RemoveWhere(preference.Stops);
                }

                var has = existing[(campaign.Id, party.PersonId)].ToList();
                if (campaign.Strategy == CampaignStrategy.FirstAvailable && has.Count > 0)
                {
                    continue;
                }

                foreach (var channel in Chosen(campaign, reachable).Where(c => party.Arrived.Contains(c.PurposeOf()) && !has.Contains(c)))
                {
                    Queue(campaign, party.PersonId, channel, now);
                    queued++;
                }
            }

            if (queued > 0 && campaign.Status == CampaignStatus.Completed)
            {
                campaign.Status = CampaignStatus.Running;
                campaign.CompletedAt = null;
            }
        }

        PublishQueued();
    }

    /// <summary>The channels a person reachable on <paramref name="reachable"/> gets: all of them, or the first in the campaign's order.</summary>
    private static IEnumerable<Channel> Chosen(Campaign campaign, IReadOnlySet<Channel> reachable)
    {
        var channels = campaign.Channels.Where(reachable.Contains);
        return campaign.Strategy == CampaignStrategy.All ? channels : channels.Take(1);
    }

    private void Queue(Campaign campaign, Guid person, Channel channel, DateTimeOffset now)
    {
        var notification = Notification.Queue(campaign.IncidentId, campaign.Id, person, channel, campaign.TemplateFor(channel)!.Value, now);
        db.Notifications.Add(notification);
        if (channel != Channel.Letter && campaign.Status == CampaignStatus.Running)
        {
            _toDeliver.Add(notification.Id);
        }
        else if (channel != Channel.Letter)
        {
            // Paused: resume republishes everything still queued.
            notification.NotBefore = now;
        }
    }

    private void PublishQueued()
    {
        foreach (var message in DeliverNotifications.For(_toDeliver, options.Value.DeliveryBatchSize))
        {
            db.Publish(message);
        }

        _toDeliver.Clear();
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

        await WithoutStoppedAsync(incidentId, reachable, ct);
        return reachable;
    }

    /// <summary>A channel the person stopped on the portal counts as one they cannot be reached on: the next one is used.</summary>
    private async Task WithoutStoppedAsync(Guid incidentId, Dictionary<Guid, HashSet<Channel>> reachable, CancellationToken ct)
    {
        var preferences = await ContactPreferences.ForAsync(db, [incidentId], reachable.Keys, ct);
        foreach (var ((_, person), preference) in preferences)
        {
            reachable[person].RemoveWhere(preference.Stops);
        }
    }
}
