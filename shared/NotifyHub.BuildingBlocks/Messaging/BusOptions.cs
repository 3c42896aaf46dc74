using System.ComponentModel.DataAnnotations;

namespace NotifyHub.BuildingBlocks.Messaging;

public enum BusTransport
{
    /// <summary>Embedded default: MassTransit's in-memory transport, everything in one process.</summary>
    InMemory,

    /// <summary>At scale: RabbitMQ with quorum queues and publisher confirms (<c>ConnectionStrings:RabbitMq</c>).</summary>
    RabbitMq,
}

/// <summary>Bound from <c>NotifyHub:Bus</c>.</summary>
public sealed class BusOptions
{
    public const string Section = "NotifyHub:Bus";

    [EnumDataType(typeof(BusTransport))]
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>Immediate retries with exponential backoff before a message goes to its <c>_error</c> queue.</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the host waits at start for RabbitMQ to be reachable before it stops with an error.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages each consumer endpoint handles at once in this process.</summary>
    [Range(1, 256)]
    public int ConcurrentMessageLimit { get; set; } = 16;
}
