using NotifyHub.Testing;
using System.Text.RegularExpressions;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>
/// Inside notifications, campaigns direct delivery and never the other way: delivery, its channels and letters
/// ask campaigns only through <c>ICampaignDirections</c>, so a change to campaigns cannot break a send.
/// </summary>
public sealed partial class Notifications_layers
{
    private static readonly string[] Below = ["Delivery", "Email", "Sms", "Letters"];

    [Fact]
    public void Delivery_and_its_channels_do_not_use_campaigns()
    {
        var module = Path.Combine(RepositoryPaths.Root, "services", "Notifications", "NotifyHub.Notifications");
        var sources = Below.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(module, folder), "*.cs", SearchOption.AllDirectories)).ToList();
        sources.Count.ShouldBeGreaterThan(20);

        sources.Where(f => UsesCampaigns(File.ReadAllText(f))).Select(f => Path.GetRelativePath(module, f)).ShouldBeEmpty();
    }

    [Fact]
    public void A_delivery_file_that_reads_a_campaign_is_caught()
    {
        UsesCampaigns("using NotifyHub.Notifications.Campaigns;\nnamespace NotifyHub.Notifications.Delivery;").ShouldBeTrue();
        UsesCampaigns("var s = Campaigns.CampaignStatus.Running;").ShouldBeTrue();
        UsesCampaigns("await campaigns.HeldAsync(ids, ct); // ICampaignDirections").ShouldBeFalse();
    }

    private static bool UsesCampaigns(string source) => CampaignsNamespace().IsMatch(source);

    [GeneratedRegex(@"\bNotifyHub\.Notifications\.Campaigns\b|(?<![\w.])Campaigns\.[A-Z]")]
    private static partial Regex CampaignsNamespace();
}
