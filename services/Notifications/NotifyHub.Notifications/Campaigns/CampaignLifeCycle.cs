using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Notifications.Campaigns;

/// <summary>
/// What launch, pause, resume and cancel share: <c>draft → running ⇄ paused → completed | cancelled</c>, a
/// conflict for any other move, and an audit entry queued in the same SaveChanges as the change it records.
/// </summary>
internal static class CampaignLifeCycle
{
    public static async Task<Campaign> FindAsync(NotificationsDbContext db, Guid id, CancellationToken ct) =>
        await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw ProblemException.NotFound("Campaign", id);

    public static void Require(Campaign campaign, CampaignStatus status, string action)
    {
        if (campaign.Status != status)
        {
            throw Conflict(campaign, action);
        }
    }

    public static ProblemException Conflict(Campaign campaign, string action) =>
        new(ProblemKind.Conflict, "invalid_campaign_state", "The campaign cannot do that now",
            $"A {campaign.Status.ToCode()} campaign cannot {action}.");

    public static void Audit(NotificationsDbContext db, CurrentActor actor, string action, Campaign campaign) =>
        db.Audit(actor.Stamp(new AuditEvent(action, AuditOutcomes.Done)
        {
            SubjectId = campaign.Id,
            Details = new Dictionary<string, string>
            {
                ["incident_id"] = campaign.IncidentId.ToString(),
                ["status"] = campaign.Status.ToCode(),
            },
        }));
}
