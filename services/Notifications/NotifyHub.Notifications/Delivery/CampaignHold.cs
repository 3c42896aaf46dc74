namespace NotifyHub.Notifications.Delivery;

/// <summary>Why a campaign's queued notifications are not sent now.</summary>
public enum CampaignHold
{
    /// <summary>They wait: resuming hands them back to the scheduler.</summary>
    Paused = 1,

    /// <summary>They are closed, never sent.</summary>
    Cancelled = 2,
}
