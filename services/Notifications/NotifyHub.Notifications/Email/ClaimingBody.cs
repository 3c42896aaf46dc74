using MimeKit;
using MimeKit.IO;

namespace NotifyHub.Notifications.Email;

/// <summary>
/// An email's body (HTML with its plain-text alternative, as <see cref="BodyBuilder"/> makes it) that runs
/// <paramref name="beforeEndOfData"/> once it has been written into the SMTP DATA stream. The body is the last thing
/// in a message, so this is the instant before MailKit writes the end-of-data mark (<c>CRLF.CRLF</c>), the one
/// sequence that makes the server take the message: where the notification's claim commits (see
/// <see cref="IEmailSender"/>).
/// </summary>
public sealed class ClaimingBody(Action beforeEndOfData) : MultipartAlternative
{
    private Action? _beforeEndOfData = beforeEndOfData;

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        await base.WriteToAsync(options, stream, contentOnly, cancellationToken);

        // MailKit first writes the message into a MeasuringStream to announce its SIZE: that write sends nothing.
        // Only the one after it is followed by the end-of-data mark; throwing here abandons the message.
        if (stream is not MeasuringStream && Interlocked.Exchange(ref _beforeEndOfData, null) is { } last)
        {
            last();
        }
    }
}
