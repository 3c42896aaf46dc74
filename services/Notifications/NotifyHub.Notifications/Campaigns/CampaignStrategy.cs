using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.Campaigns;

public enum CampaignStrategy
{
    /// <summary>One notification per person: the first channel, in the campaign's order, the person can be reached on; the next one after a permanent failure.</summary>
    [JsonStringEnumMemberName("first-available")]
    FirstAvailable = 1,

    /// <summary>One notification per person on every channel the person can be reached on.</summary>
    [JsonStringEnumMemberName("all")]
    All = 2,
}
