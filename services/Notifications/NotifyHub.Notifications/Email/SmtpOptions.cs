namespace NotifyHub.Notifications.Email;

/// <summary><c>NotifyHub:Email:Smtp:*</c>.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool UseStartTls { get; set; }

    /// <summary>Authenticate only when set.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>"Example Ltd &lt;notices@example.com&gt;"</c>; its domain also names Message-IDs.</summary>
    public string From { get; set; } = "NotifyHub <notifications@notifyhub.invalid>";

    /// <summary>How long one SMTP command may take before the connection counts as broken.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// SMTP connections a worker keeps open and reuses, one message at a time on each. More than one keeps the
    /// server busy while a message's commands wait for their replies.
    /// </summary>
    public int Connections { get; set; } = 4;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
