using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.Delivery;

/// <summary>How a notification reaches a person. Stored and sent over the wire as its code (<c>WireCode&lt;Channel&gt;</c>).</summary>
public enum Channel
{
    [JsonStringEnumMemberName("email")]
    Email = 1,

    [JsonStringEnumMemberName("sms")]
    Sms = 2,

    [JsonStringEnumMemberName("letter")]
    Letter = 3,
}
