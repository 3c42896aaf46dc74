using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Campaigns;

/// <summary>
/// Launch's fan-out, one page of parties per message: a launch over millions of people is many small transactions,
/// each enrolling its page and queueing its notifications in <see cref="DeliverNotifications"/> messages, then handing on to
/// the next page. The inbox makes a redelivered page a no-op; a person already enrolled is skipped.
/// </summary>
public sealed class EnrolCampaignPageConsumer(NotificationsDbContext db, CampaignEnrolment enrolment)
    : IdempotentConsumer<EnrolCampaignPage, NotificationsDbContext>(db)
{
    public const int PageSize = 500;

    protected override async Task HandleAsync(EnrolCampaignPage message, ConsumeContext<EnrolCampaignPage> context)
    {
        var ct = context.CancellationToken;
        var campaign = await Db.Campaigns.FirstOrDefaultAsync(c => c.Id == message.CampaignId, ct);
        if (campaign is null || campaign.Status == CampaignStatus.Cancelled)
        {
            return;
        }

        var page = await Db.AffectedParties.Where(p => p.IncidentId == campaign.IncidentId && p.Id > message.AfterPartyId)
            .OrderBy(p => p.Id).Take(PageSize).Select(p => new { p.Id, p.PersonId }).ToListAsync(ct);
        if (page.Count == 0)
        {
            campaign.EnrolmentComplete = true;
            return;
        }

        await enrolment.EnrolAsync(campaign, page.Select(p => p.PersonId).Distinct().ToList(), ct);
        // On PostgreSQL the page's enrolments and notifications go in by two COPYs, not a thousand INSERTs through
        // SaveChanges: they are most of what a launch writes.
        await AddedRowsCopy.InsertAsync<CampaignRecipient>(Db, ct);
        await AddedRowsCopy.InsertAsync<Notification>(Db, ct);
        Db.Publish(new EnrolCampaignPage(campaign.Id, page[^1].Id));
    }
}
