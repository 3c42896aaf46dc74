using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Notifications.Sms;

/// <summary>Bound from <c>NotifyHub:Sms</c>. Without <c>Twilio:AccountSid</c>, SMS go to JSON files under the data directory.</summary>
public sealed class SmsOptions
{
    public const string Section = "NotifyHub:Sms";

    /// <summary>A template whose rendered sample needs more parts than this is refused (each part is billed).</summary>
    [Range(1, 10)]
    public int MaxSegments { get; set; } = 3;

    public TwilioOptions Twilio { get; set; } = new();
}
