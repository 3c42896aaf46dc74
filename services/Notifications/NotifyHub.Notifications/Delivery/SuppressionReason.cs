using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.Delivery;

/// <summary>Why an address is never used again for an incident. Stored as its code.</summary>
public enum SuppressionReason
{
    /// <summary>The person asked not to be contacted this way (e.g. replied STOP).</summary>
    [JsonStringEnumMemberName("opt_out")]
    OptOut = 1,

    /// <summary>A provider said the address does not exist (SMTP 5xx, Twilio 21211/21614).</summary>
    [JsonStringEnumMemberName("known_bad")]
    KnownBad = 2,
}
