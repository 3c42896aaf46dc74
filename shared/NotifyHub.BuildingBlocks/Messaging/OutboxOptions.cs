using System.ComponentModel.DataAnnotations;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>Bound from <c>NotifyHub:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "NotifyHub:Outbox";

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How often to look for rows written by other instances when no local commit signalled.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Failed attempts after which a row is parked: kept with its reason, skipped by the dispatcher, counted in
    /// <c>/health/ready</c> (degraded) and in the <c>notifyhub.outbox.parked</c> metric, so the rows behind it flow on.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxAttempts { get; set; } = 5;
}
