namespace NotifyHub.Contracts.Notifications;

/// <summary>The provider confirmed delivery to the person's handset or mailbox (e.g. Twilio's <c>delivered</c> callback).</summary>
public sealed record NotificationDelivered(
    Guid NotificationId,
    Guid IncidentId,
    Guid? CampaignId,
    Guid PersonId,
    string Channel,
    DateTimeOffset DeliveredAt);
