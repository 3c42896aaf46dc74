namespace NotifyHub.Contracts.Notifications;

/// <summary>Every notification of a campaign reached a final state (or the campaign was cancelled). Counts only.</summary>
public sealed record CampaignCompleted(
    Guid CampaignId,
    Guid IncidentId,
    string Status,
    int Total,
    int Sent,
    int Delivered,
    int Failed,
    int Suppressed,
    int Cancelled,
    DateTimeOffset CompletedAt);
