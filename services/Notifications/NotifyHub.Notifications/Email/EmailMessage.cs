using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Email;

/// <summary>One rendered email for one person. <see cref="NotificationId"/> fixes the Message-ID, so a retry is recognisable.</summary>
public sealed record EmailMessage(
    Guid NotificationId,
    Sensitive<string> To,
    Sensitive<string>? ToName,
    string Subject,
    string Html,
    string Text);
