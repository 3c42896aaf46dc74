using NotifyHub.Notifications.Delivery;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Parties;

/// <summary>The purposes this service holds projections for, and which channel each one feeds.</summary>
public static class PurposeCodes
{
    public static bool TryParse(string? code, out Purpose purpose)
    {
        purpose = code switch
        {
            "email" => Purpose.Email,
            "sms" => Purpose.Sms,
            "mail-house" => Purpose.MailHouse,
            _ => 0,
        };
        return purpose != 0;
    }

    public static Purpose Parse(string code) =>
        TryParse(code, out var purpose) ? purpose : throw new FormatException($"'{code}' is not a notifications purpose.");

    public static Purpose PurposeOf(this Channel channel) => channel switch
    {
        Channel.Email => Purpose.Email,
        Channel.Sms => Purpose.Sms,
        Channel.Letter => Purpose.MailHouse,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };
}
