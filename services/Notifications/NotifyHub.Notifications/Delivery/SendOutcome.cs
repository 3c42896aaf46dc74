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

    /// <summary>
    /// Handed over at the point of no return but no answer came back (the connection broke after SMTP's end-of-data
    /// mark). The server all but certainly has it: recorded sent, never sent again.
    /// </summary>
    Unconfirmed = 4,

    /// <summary>Abandoned before the point of no return (the worker is stopping, or another one claimed it): the provider never had it.</summary>
    Abandoned = 5,
}
