namespace NotifyHub.Notifications.Email;

/// <summary>Bound from <c>NotifyHub:Email</c>. Without <c>Smtp:Host</c>, email goes to <c>.eml</c> files under the data directory.</summary>
public sealed class EmailOptions
{
    public const string Section = "NotifyHub:Email";

    public SmtpOptions Smtp { get; set; } = new();

    public DkimOptions Dkim { get; set; } = new();
}
