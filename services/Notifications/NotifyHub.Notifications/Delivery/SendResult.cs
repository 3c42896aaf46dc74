namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// The typed result of one send attempt. <see cref="Code"/> and <see cref="Reason"/> come from the provider's status
/// line or error code and never carry the recipient's address (they are stored and logged).
/// </summary>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId, string? Code, string? Reason, TimeSpan? RetryAfter = null)
{
    public bool IsSent => Outcome == SendOutcome.Sent;

    public static SendResult Sent(string providerMessageId) => new(SendOutcome.Sent, providerMessageId, null, null);

    public static SendResult Retryable(string code, string reason, TimeSpan? retryAfter = null) =>
        new(SendOutcome.Retryable, null, code, reason, retryAfter);

    public static SendResult Permanent(string code, string reason) => new(SendOutcome.Permanent, null, code, reason);

    /// <summary>Handed over, but the provider's answer never came (the connection broke after the claim).</summary>
    public static SendResult Unconfirmed(string reason) => new(SendOutcome.Unconfirmed, null, "unconfirmed", reason);

    public static readonly SendResult Abandoned = new(SendOutcome.Abandoned, null, null, "abandoned before the point of no return");
}
