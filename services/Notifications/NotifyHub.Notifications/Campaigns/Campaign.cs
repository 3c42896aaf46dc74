using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Campaigns;

/// <summary>
/// A privacy officer's decision to notify an incident's affected people: through which channels (in order of
/// preference), with which strategy, and with which exact template version per channel.
/// </summary>
public sealed class Campaign
{
    public Guid Id { get; init; }

    public Guid IncidentId { get; init; }

    public required string Name { get; init; }

    /// <summary>In the order given: with <see cref="CampaignStrategy.FirstAvailable"/>, the order of preference.</summary>
    public List<Channel> Channels { get; init; } = [];

    public CampaignStrategy Strategy { get; init; }

    public List<CampaignTemplate> Templates { get; init; } = [];

    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;

    /// <summary>Enrolment has paged through every party known at launch (later arrivals are enrolled as they come).</summary>
    public bool EnrolmentComplete { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LaunchedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public Guid? TemplateFor(Channel channel) => Templates.FirstOrDefault(t => t.Channel == channel)?.TemplateId;

    /// <summary>Launched and not cancelled: new people join it.</summary>
    public bool IsEnrolling => Status is CampaignStatus.Running or CampaignStatus.Paused or CampaignStatus.Completed;

    internal sealed class Configuration : IEntityTypeConfiguration<Campaign>
    {
        public void Configure(EntityTypeBuilder<Campaign> campaign)
        {
            campaign.ToTable("campaigns");
            campaign.HasKey(c => c.Id);
            campaign.Property(c => c.Name).HasMaxLength(200);
            campaign.Property(c => c.CreatedBy).HasMaxLength(100);
            campaign.Property(c => c.Channels).HasConversion(
                channels => string.Join(',', channels.Select(c => c.ToCode())),
                codes => codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(WireCode<Channel>.Parse).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Channel>>(
                    (a, b) => a!.SequenceEqual(b!), c => c.Aggregate(0, (h, x) => HashCode.Combine(h, x)), c => c.ToList()))
                .HasMaxLength(40);
            campaign.Property(c => c.Strategy).HasConversion<WireCodeConverter<CampaignStrategy>>().HasMaxLength(20);
            campaign.Property(c => c.Status).HasConversion<WireCodeConverter<CampaignStatus>>().HasMaxLength(12);
            campaign.HasIndex(c => new { c.IncidentId, c.Status });
            campaign.OwnsMany(c => c.Templates, template =>
            {
                template.ToTable("campaign_templates");
                template.WithOwner().HasForeignKey("CampaignId");
                template.HasKey("CampaignId", nameof(CampaignTemplate.Channel));
                template.Property(t => t.Channel).HasConversion<WireCodeConverter<Channel>>().HasMaxLength(10);
            });
        }
    }
}

/// <summary>The template version a campaign sends on one channel.</summary>
public sealed class CampaignTemplate
{
    public Channel Channel { get; init; }

    public Guid TemplateId { get; init; }
}
