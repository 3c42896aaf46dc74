namespace NotifyHub.Contracts.Notifications;

/// <summary>A provider accepted one notification (SMTP 250, Twilio 201, a letter batch handed over). Ids only.</summary>
public sealed record NotificationSent(
    Guid NotificationId,
    Guid IncidentId,
    Guid? CampaignId,
    Guid PersonId,
    string Channel,
    DateTimeOffset SentAt);
