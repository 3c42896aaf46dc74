using System.Diagnostics.CodeAnalysis;

namespace NotifyHub.Notifications.Campaigns;

public enum CampaignStrategy
{
    /// <summary>One notification per person: the first channel, in the campaign's order, the person can be reached on; the next one after a permanent failure.</summary>
    FirstAvailable = 1,

    /// <summary>One notification per person on every channel the person can be reached on.</summary>
    All = 2,
}

public static class CampaignStrategies
{
    public static IReadOnlyList<string> All { get; } = ["first-available", "all"];

    public static string ToCode(this CampaignStrategy strategy) =>
        strategy == CampaignStrategy.All ? "all" : "first-available";

    public static bool TryParse([NotNullWhen(true)] string? code, out CampaignStrategy strategy)
    {
        strategy = code switch
        {
            "first-available" => CampaignStrategy.FirstAvailable,
            "all" => CampaignStrategy.All,
            _ => 0,
        };
        return strategy != 0;
    }

    public static CampaignStrategy Parse(string code) =>
        TryParse(code, out var strategy) ? strategy : throw new FormatException($"'{code}' is not a campaign strategy.");
}
