using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Notifications.Campaigns;

/// <summary>
/// A person enrolled in a campaign. The (campaign, person) key is what makes enrolment happen once per person even
/// when the launch's paging and a late projection race for the same person (the loser's transaction fails and retries).
/// </summary>
public sealed class CampaignRecipient
{
    public Guid CampaignId { get; init; }

    public Guid PersonId { get; init; }

    public DateTimeOffset EnrolledAt { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<CampaignRecipient>
    {
        public void Configure(EntityTypeBuilder<CampaignRecipient> recipient)
        {
            recipient.ToTable("campaign_recipients");
            recipient.HasKey(r => new { r.CampaignId, r.PersonId });
        }
    }
}
