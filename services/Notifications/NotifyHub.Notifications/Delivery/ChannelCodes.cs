using System.Diagnostics.CodeAnalysis;

namespace NotifyHub.Notifications.Delivery;

/// <summary>The public spelling of channels (<c>email</c>, <c>sms</c>, <c>letter</c>), independent of enum member names.</summary>
public static class ChannelCodes
{
    public static IReadOnlyList<string> All { get; } = ["email", "sms", "letter"];

    public static string ToCode(this Channel channel) => channel switch
    {
        Channel.Email => "email",
        Channel.Sms => "sms",
        Channel.Letter => "letter",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };

    public static bool TryParse([NotNullWhen(true)] string? code, out Channel channel)
    {
        channel = code?.Trim().ToLowerInvariant() switch
        {
            "email" => Channel.Email,
            "sms" => Channel.Sms,
            "letter" => Channel.Letter,
            _ => 0,
        };
        return channel != 0;
    }

    public static Channel Parse(string code) =>
        TryParse(code, out var channel) ? channel : throw new FormatException($"'{code}' is not a channel.");
}
