using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Email;

/// <summary>Hands one email to a provider: SMTP (<see cref="SmtpEmailSender"/>) or, by default, <c>.eml</c> files (<see cref="FileEmailSender"/>).</summary>
public interface IEmailSender
{
    /// <summary>Never throws for a provider's answer: it becomes a typed <see cref="SendResult"/>.</summary>
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
