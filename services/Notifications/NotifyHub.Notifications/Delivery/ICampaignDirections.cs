namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// What delivery asks of the campaigns that own its notifications. Campaigns implement it
/// (<c>Campaigns/CampaignDirections.cs</c>), so the dependency runs one way: campaigns queue notifications and
/// direct them; delivery sends them and never reads a campaign itself.
/// </summary>
public interface ICampaignDirections
{
    /// <summary>Of the campaigns named, those whose notifications may not go now, and why.</summary>
    Task<IReadOnlyDictionary<Guid, CampaignHold>> HeldAsync(IReadOnlyCollection<Guid> campaignIds, CancellationToken ct);

    /// <summary>The running campaigns: only their queued notifications, and those of no campaign, are sent.</summary>
    Task<List<Guid?>> RunningAsync(CancellationToken ct);

    /// <summary>After a permanent failure or a suppression: the person's next channel, if the campaign's strategy has one.</summary>
    Task FallBackAsync(Notification failed, CancellationToken ct);

    /// <summary>Completes the running campaigns with nothing left in flight, and publishes their totals.</summary>
    Task CompleteFinishedAsync(CancellationToken ct);
}
