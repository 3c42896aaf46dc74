namespace NotifyHub.Notifications.Delivery;

public static class DeliveryStatusCodes
{
    public static string ToCode(this DeliveryStatus status) => status switch
    {
        DeliveryStatus.Queued => "queued",
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Failed => "failed",
        DeliveryStatus.Suppressed => "suppressed",
        DeliveryStatus.Cancelled => "cancelled",
        DeliveryStatus.Sending => "sending",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static DeliveryStatus Parse(string code) => code switch
    {
        "queued" => DeliveryStatus.Queued,
        "sent" => DeliveryStatus.Sent,
        "delivered" => DeliveryStatus.Delivered,
        "failed" => DeliveryStatus.Failed,
        "suppressed" => DeliveryStatus.Suppressed,
        "cancelled" => DeliveryStatus.Cancelled,
        "sending" => DeliveryStatus.Sending,
        _ => throw new FormatException($"'{code}' is not a delivery status."),
    };

    /// <summary>No provider step can move a notification out of these.</summary>
    public static bool IsFinal(this DeliveryStatus status) =>
        status is DeliveryStatus.Delivered or DeliveryStatus.Failed or DeliveryStatus.Suppressed or DeliveryStatus.Cancelled;
}
