namespace NotifyHub.Notifications.Email;

/// <summary><c>NotifyHub:Email:Dkim:*</c>: sign every message when all three are set.</summary>
public sealed class DkimOptions
{
    /// <summary>A PEM RSA private key file.</summary>
    public string? PrivateKeyPath { get; set; }

    public string? Domain { get; set; }

    public string? Selector { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(PrivateKeyPath) && !string.IsNullOrWhiteSpace(Domain) && !string.IsNullOrWhiteSpace(Selector);
}
