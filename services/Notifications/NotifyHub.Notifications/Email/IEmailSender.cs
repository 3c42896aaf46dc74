using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Email;

/// <summary>Hands one email to a provider: SMTP (<see cref="SmtpEmailSender"/>) or, by default, <c>.eml</c> files (<see cref="FileEmailSender"/>).</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends <paramref name="message"/>, calling <paramref name="beforeEndOfData"/> at the sender's point of no return:
    /// the message is with the provider except for the step that makes it the provider's (SMTP's end-of-data mark, the
    /// file's rename), which follows at once. The caller commits its claim there, without waiting for the commit's
    /// answer, so that the two are microseconds apart. If it throws (the caller is stopping), the message is abandoned
    /// and the provider never has it (<see cref="SendOutcome.Abandoned"/>). After it, the send is not cancelled: only
    /// the provider's answer, or its timeout, ends it. Never throws for a provider's answer: it becomes a typed
    /// <see cref="SendResult"/>.
    /// </summary>
    Task<SendResult> SendAsync(EmailMessage message, Action beforeEndOfData, CancellationToken cancellationToken = default);
}
