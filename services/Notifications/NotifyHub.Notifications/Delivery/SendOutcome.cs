namespace NotifyHub.Notifications.Delivery;

/// <summary>What a provider said about one send attempt.</summary>
public enum SendOutcome
{
    /// <summary>The provider took the message (SMTP 250, Twilio 201, a file written).</summary>
    Sent = 1,

    /// <summary>Try again later: connection errors, SMTP 4xx, Twilio 429/5xx after the client's own retries.</summary>
    Retryable = 2,

    /// <summary>Never try this address again: SMTP 5xx recipient rejected, Twilio 21211/21614 invalid number.</summary>
    Permanent = 3,
}
