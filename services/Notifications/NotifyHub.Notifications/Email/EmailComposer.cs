using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace NotifyHub.Notifications.Email;

/// <summary>
/// Builds the MIME message: HTML with its plain-text alternative, a Message-ID fixed by the notification id (the same
/// on every retry, so a receiving system and our own logs can tell a resend from a new message), DKIM-signed when
/// configured.
/// </summary>
public sealed class EmailComposer
{
    private static readonly HeaderId[] SignedHeaders =
        [HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.MimeVersion, HeaderId.ContentType];

    private readonly MailboxAddress _from;
    private readonly DkimSigner? _signer;
    private readonly TimeProvider _clock;

    public EmailComposer(IOptions<EmailOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        _from = MailboxAddress.Parse(settings.Smtp.From);
        _clock = clock;
        if (settings.Dkim.IsConfigured)
        {
            _signer = new DkimSigner(settings.Dkim.PrivateKeyPath!, settings.Dkim.Domain!, settings.Dkim.Selector!)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
        }
    }

    public static string MessageIdFor(Guid notificationId, string domain) => $"{notificationId:N}@{domain}";

    /// <summary>Composes the message; <paramref name="beforeEndOfData"/>, when given, runs as described in <see cref="ClaimingBody"/>.</summary>
    public MimeMessage Compose(EmailMessage message, Action? beforeEndOfData = null)
    {
        var mime = new MimeMessage
        {
            MessageId = MessageIdFor(message.NotificationId, _from.Domain),
            Date = _clock.GetUtcNow(),
            Subject = message.Subject,
        };
        mime.From.Add(_from);
        mime.To.Add(new MailboxAddress(message.ToName?.Reveal() ?? "", message.To.Reveal()));
        mime.Body = beforeEndOfData is null
            ? new BodyBuilder { HtmlBody = message.Html, TextBody = message.Text }.ToMessageBody()
            : new ClaimingBody(beforeEndOfData) { new TextPart("plain") { Text = message.Text }, new TextPart("html") { Text = message.Html } };
        if (_signer is not null)
        {
            // Signing hashes the encoded body: fix the transfer encodings first, or a relay re-encoding 8-bit breaks it.
            mime.Prepare(EncodingConstraint.SevenBit);
            _signer.Sign(mime, SignedHeaders);
        }

        return mime;
    }
}
