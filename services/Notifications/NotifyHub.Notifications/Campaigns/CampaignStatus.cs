namespace NotifyHub.Notifications.Campaigns;

/// <summary><c>draft → running ⇄ paused → completed | cancelled</c>. Stored and shown as lower-case codes.</summary>
public enum CampaignStatus
{
    Draft = 1,
    Running = 2,
    Paused = 3,
    Completed = 4,
    Cancelled = 5,
}

public static class CampaignStatuses
{
    public static string ToCode(this CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "draft",
        CampaignStatus.Running => "running",
        CampaignStatus.Paused => "paused",
        CampaignStatus.Completed => "completed",
        CampaignStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown campaign status."),
    };

    public static CampaignStatus Parse(string code) => code switch
    {
        "draft" => CampaignStatus.Draft,
        "running" => CampaignStatus.Running,
        "paused" => CampaignStatus.Paused,
        "completed" => CampaignStatus.Completed,
        "cancelled" => CampaignStatus.Cancelled,
        _ => throw new FormatException($"'{code}' is not a campaign status."),
    };
}
