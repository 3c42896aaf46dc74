using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Portal;

/// <summary>Portal settings (<c>NotifyHub:Portal</c>): the throttling rules and what the status page tells people.</summary>
public sealed class PortalOptions
{
    public const string Section = "NotifyHub:Portal";

    /// <summary>Failed checks one client address may make in <see cref="ClientWindow"/>; then 429 until the window frees up.</summary>
    [Range(1, 10_000)]
    public int MaxFailuresPerClient { get; set; } = 10;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong factors for one code before it is locked for <see cref="LockDuration"/> (answered as no match).</summary>
    [Range(1, 1000)]
    public int MaxFailedFactors { get; set; } = 5;

    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures across all codes and clients in <see cref="GlobalWindow"/> that raise <c>PortalAbuseSuspected</c>.</summary>
    [Range(1, 10_000_000)]
    public int GlobalAlarmThreshold { get; set; } = 500;

    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The only address our emails come from, shown so people can tell real messages from scams.</summary>
    [Required]
    public string OfficialEmailSender { get; set; } = "notices@notifyhub.example";

    /// <summary>The SMS sender id or number our texts come from.</summary>
    [Required]
    public string OfficialSmsSender { get; set; } = "NotifyHub";

    /// <summary>Shown until the privacy officer writes a statement with the incident's own helpline.</summary>
    [Required]
    public string DefaultHelplinePhone { get; set; } = "+61 2 5550 0100";

    [Required]
    public string DefaultHelplineHours { get; set; } = "Mon-Fri 08:00-20:00";
}
