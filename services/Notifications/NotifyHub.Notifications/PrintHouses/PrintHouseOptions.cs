using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// Bound from <c>NotifyHub:PrintHouses</c>. Our side's SFTP credential lives here (configuration, environment or a
/// secret store, like the SMTP password and the Twilio token), never in the database: a print house's row says where
/// to connect and which host key to expect, these settings say who we are.
/// </summary>
public sealed class PrintHouseOptions
{
    public const string Section = "NotifyHub:PrintHouses";

    /// <summary>Our SSH private key (OpenSSH or PEM format) that every print house's server authorizes.</summary>
    public string? SftpPrivateKeyPath { get; set; }

    public string? SftpPrivateKeyPassphrase { get; set; }

    /// <summary>Password authentication, for a server that offers no key authentication (the key is preferred).</summary>
    public string? SftpPassword { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SftpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the return files (posted / returned letters) are fetched from every print house.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan ReturnFilesInterval { get; set; } = TimeSpan.FromMinutes(5);
}
