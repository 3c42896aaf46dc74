using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Email;

/// <summary>
/// The embedded default: each email as <c>{DataDirectory}/outbox/email/{notification id}.eml.enc</c>, the MIME message
/// encrypted with <see cref="OutboxFileCipher"/> (it names the person and carries their reference code). The file is
/// written under a temporary name; the rename that publishes it is the point of no return, like SMTP's end-of-data mark.
/// </summary>
public sealed class FileEmailSender(EmailComposer composer, OutboxFileCipher cipher, IOptions<NotifyHubOptions> hub) : IEmailSender
{
    private readonly string _folder = Path.Combine(hub.Value.FullDataDirectory, "outbox", "email");

    public async Task<SendResult> SendAsync(EmailMessage message, Action beforeEndOfData, CancellationToken cancellationToken = default)
    {
        var mime = composer.Compose(message);
        var path = Path.Combine(_folder, $"{message.NotificationId:N}.eml{OutboxFileCipher.Suffix}");
        var partial = path + ".partial";
        try
        {
            using var plain = new MemoryStream();
            await mime.WriteToAsync(plain, cancellationToken);
            var sealedFile = await cipher.EncryptAsync(message.NotificationId, OutboxFileCipher.EmailPart,
                plain.GetBuffer().AsMemory(0, (int)plain.Length), cancellationToken);
            Array.Clear(plain.GetBuffer());
            PrivateDataDirectory.CreateFolder(_folder);
            await using (var file = new FileStream(partial, PrivateDataDirectory.NewFile()))
            {
                await file.WriteAsync(sealedFile, cancellationToken);
            }
        }
        catch (IOException e)
        {
            return SendResult.Retryable("file", e.GetType().Name);
        }

        try
        {
            beforeEndOfData();
        }
        catch (Exception)
        {
            File.Delete(partial);
            return SendResult.Abandoned;
        }

        try
        {
            File.Move(partial, path, overwrite: true);
            return SendResult.Sent(mime.MessageId!);
        }
        catch (IOException e)
        {
            // A failed rename publishes nothing: safe to try again.
            return SendResult.Retryable("file", e.GetType().Name);
        }
    }
}
