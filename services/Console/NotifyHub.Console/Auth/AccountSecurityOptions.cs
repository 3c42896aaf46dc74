using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Console.Auth;

/// <summary>Bound from <c>NotifyHub:Security</c>: the second-factor rule and the sign-in rate limits.</summary>
public sealed class AccountSecurityOptions
{
    public const string Section = "NotifyHub:Security";

    /// <summary>
    /// Admins and privacy officers without a second factor get a token that can only enrol one. Off only for tests
    /// and demos; the host warns at every start while it is off.
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Failed sign-ins from one client address per window before it gets 429.</summary>
    [Range(1, 1_000_000)]
    public int SignInFailuresPerAddress { get; set; } = 10;

    /// <summary>Failed sign-ins for one email (known or not) per window, from any address, before it gets 429.</summary>
    [Range(1, 1_000_000)]
    public int SignInFailuresPerAccount { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);
}
