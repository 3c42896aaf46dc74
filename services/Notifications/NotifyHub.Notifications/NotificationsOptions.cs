using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Notifications;

/// <summary>Bound from <c>NotifyHub:Notifications</c>: what every message of this deployment shares.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "NotifyHub:Notifications";

    /// <summary>The <c>helpline</c> template variable: the call centre's number or address, printed as given.</summary>
    [MaxLength(200)]
    public string Helpline { get; set; } = "";
}
