namespace NotifyHub.Notifications.Campaigns;

/// <summary>Internal to notifications: enrol the next page of the incident's parties (after <paramref name="AfterPartyId"/>) in a launched campaign.</summary>
public sealed record EnrolCampaignPage(Guid CampaignId, long AfterPartyId);
