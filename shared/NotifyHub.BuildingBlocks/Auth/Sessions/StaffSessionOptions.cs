namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary><c>NotifyHub:Sessions</c>: how long a staff session lives and how long a check of it is trusted.</summary>
public sealed class StaffSessionOptions
{
    public const string Section = "NotifyHub:Sessions";

    /// <summary>
    /// How long one process trusts a session check before asking the database again. An end decided in this process
    /// applies at once; one decided in another process applies within this time. Zero checks every request.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A session nobody used (no request, no refresh) for this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>No session outlives this, however busy: its owner signs in again.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(7);
}
