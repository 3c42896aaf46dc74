using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.Campaigns;

/// <summary><c>draft → running ⇄ paused → completed | cancelled</c>. Stored and shown as its code.</summary>
public enum CampaignStatus
{
    [JsonStringEnumMemberName("draft")]
    Draft = 1,

    [JsonStringEnumMemberName("running")]
    Running = 2,

    [JsonStringEnumMemberName("paused")]
    Paused = 3,

    [JsonStringEnumMemberName("completed")]
    Completed = 4,

    [JsonStringEnumMemberName("cancelled")]
    Cancelled = 5,
}
