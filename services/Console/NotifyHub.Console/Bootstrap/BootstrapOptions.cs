using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Console.Bootstrap;

/// <summary>Bound from <c>NotifyHub:Bootstrap</c>; used only on a start that finds no user at all.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "NotifyHub:Bootstrap";

    [Required]
    [EmailAddress]
    public string AdminEmail { get; set; } = "admin@notifyhub.localhost";

    /// <summary>When unset, a one-time password is generated and printed once to standard output.</summary>
    public string? AdminPassword { get; set; }
}
