using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.Privacy;

/// <summary>Everything the privacy library is configured with, set in <c>AddNotifyHubPrivacy</c>.</summary>
public sealed class PrivacyOptions
{
    /// <summary>Bind <c>NotifyHub:Keys</c> here and set <c>DataDirectory</c> from <c>NotifyHub:DataDirectory</c>.</summary>
    public LocalKeyRingOptions Keys { get; } = new();

    public KeyServiceOptions KeyService { get; } = new();

    /// <summary>
    /// How long an unwrapped key stays in memory. A key destroyed in this process stops at once;
    /// other processes stop within this time (their key service also checks assignments on every call).
    /// </summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromMinutes(1);
}
