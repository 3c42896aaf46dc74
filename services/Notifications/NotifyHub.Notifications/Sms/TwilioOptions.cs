namespace NotifyHub.Notifications.Sms;

/// <summary><c>NotifyHub:Sms:Twilio:*</c>. Either <see cref="MessagingServiceSid"/> or <see cref="From"/> picks the sender.</summary>
public sealed class TwilioOptions
{
    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    public string? MessagingServiceSid { get; set; }

    public string? From { get; set; }

    public Uri BaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>Retries of one send on 429 and 5xx (waiting Retry-After when Twilio sends it) before it counts as retryable.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; it doubles, with jitter, on each retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid);
}
