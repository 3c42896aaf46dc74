namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>Bound from <c>NotifyHub:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "NotifyHub:Outbox";

    public int BatchSize { get; set; } = 200;

    /// <summary>How often to look for rows written by other instances when no local commit signalled.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
