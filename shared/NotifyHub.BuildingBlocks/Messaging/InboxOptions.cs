namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>Bound from <c>NotifyHub:Inbox</c>.</summary>
public sealed class InboxOptions
{
    public const string Section = "NotifyHub:Inbox";

    /// <summary>
    /// How long a handled message id is remembered. It must outlast any redelivery: broker retries take seconds,
    /// an outbox row is republished at most until it is parked, and a restored backup is days old at worst.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often each database's inbox forgets the ids older than <see cref="Retention"/>.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
