using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Where one notification stands: <c>queued → sending → sent → delivered | failed</c> (<c>sending</c> records the
/// intent, with its fixed Message-ID, before the provider is called), or <c>suppressed</c> (opt-out or a
/// known-bad address) and <c>cancelled</c> (its campaign was cancelled) before it was sent. Stored as its code.
/// </summary>
public enum DeliveryStatus
{
    [JsonStringEnumMemberName("queued")]
    Queued = 1,

    [JsonStringEnumMemberName("sent")]
    Sent = 2,

    [JsonStringEnumMemberName("delivered")]
    Delivered = 3,

    [JsonStringEnumMemberName("failed")]
    Failed = 4,

    [JsonStringEnumMemberName("suppressed")]
    Suppressed = 5,

    [JsonStringEnumMemberName("cancelled")]
    Cancelled = 6,

    [JsonStringEnumMemberName("sending")]
    Sending = 7,
}

public static class DeliveryStatuses
{
    /// <summary>No provider step can move a notification out of these.</summary>
    public static bool IsFinal(this DeliveryStatus status) =>
        status is DeliveryStatus.Delivered or DeliveryStatus.Failed or DeliveryStatus.Suppressed or DeliveryStatus.Cancelled;
}
