namespace NotifyHub.Contracts.Notifications;

/// <summary>
/// One notification will not reach the person on this channel: a permanent provider error, or retries exhausted.
/// <paramref name="ErrorCode"/> is the provider's code or status (e.g. <c>twilio 21211</c>, <c>smtp 550 RecipientNotAccepted</c>), never an address.
/// </summary>
public sealed record NotificationFailed(
    Guid NotificationId,
    Guid IncidentId,
    Guid? CampaignId,
    Guid PersonId,
    string Channel,
    string ErrorCode,
    DateTimeOffset FailedAt);
