namespace NotifyHub.Notifications.Campaigns;

/// <summary>Internal to notifications: enrol the next page of the incident's parties (after <paramref name="AfterPartyId"/>) in a launched campaign.</summary>
public sealed record EnrolCampaignPage(Guid CampaignId, long AfterPartyId);

/// <summary>Internal to notifications: send one notification. Any worker may take it (competing consumers); its state decides what happens.</summary>
public sealed record DeliverNotification(Guid NotificationId);
