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
            // Push every byte of the message out of MailKit's buffers first (flushing SMTP's dot-stuffing filter
            // changes no byte), so that only the five bytes of the mark follow the claim. Without this, the rest of
            // a buffered body followed the COMMIT, and a worker killed in between left a committed claim and half a
            // message, which the server discards: a notice recorded as sent that nobody received.
            await stream.FlushAsync(cancellationToken);
            last();
        }
    }
}
