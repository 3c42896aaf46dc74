using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Where one notification stands: <c>queued → sending → sent → delivered | failed</c> (<c>sending</c> records the
/// intent, with its fixed Message-ID, before the provider is called), or <c>suppressed</c> (opt-out or a
/// known-bad address) and <c>cancelled</c> (its campaign was cancelled) before it was sent. A letter goes on from
/// <c>delivered</c> (handed to the print house) to <c>posted</c> or <c>returned</c> as the print house reports. Stored as its code.
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

    /// <summary>A letter the print house reports posted (its return file).</summary>
    [JsonStringEnumMemberName("posted")]
    Posted = 8,

    /// <summary>A letter that came back undelivered (addressee unknown, ...); the person's next channel is tried.</summary>
    [JsonStringEnumMemberName("returned")]
    Returned = 9,
}

public static class DeliveryStatuses
{
    /// <summary>No provider step can move a notification out of these.</summary>
    public static bool IsFinal(this DeliveryStatus status) =>
        status is DeliveryStatus.Delivered or DeliveryStatus.Posted or DeliveryStatus.Returned or DeliveryStatus.Failed or DeliveryStatus.Suppressed or DeliveryStatus.Cancelled;
}
