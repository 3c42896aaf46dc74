using System.Diagnostics.Metrics;

namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>The outbox's instruments, under the <c>NotifyHub.Outbox</c> meter.</summary>
public static class OutboxMetrics
{
    public const string MeterName = "NotifyHub.Outbox";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Rows set aside as unpublishable, tagged with the database (<c>context</c>). Any increase needs a person.</summary>
    public static readonly Counter<long> Parked = Meter.CreateCounter<long>(
        "notifyhub.outbox.parked", unit: "{message}", description: "Outbox rows parked after their last failed attempt");
}
