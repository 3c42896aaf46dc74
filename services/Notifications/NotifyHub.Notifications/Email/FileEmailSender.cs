using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Email;

/// <summary>
/// The embedded default: each email as <c>{DataDirectory}/outbox/email/{notification id}.eml</c>. The file is written
/// under a temporary name; the rename that publishes it is the point of no return, like SMTP's end-of-data mark.
/// </summary>
public sealed class FileEmailSender(EmailComposer composer, IOptions<NotifyHubOptions> hub) : IEmailSender
{
    private readonly string _folder = Path.Combine(hub.Value.FullDataDirectory, "outbox", "email");

    public async Task<SendResult> SendAsync(EmailMessage message, Action beforeEndOfData, CancellationToken cancellationToken = default)
    {
        var mime = composer.Compose(message);
        var path = Path.Combine(_folder, $"{message.NotificationId:N}.eml");
        var partial = path + ".partial";
        try
        {
            Directory.CreateDirectory(_folder);
            await mime.WriteToAsync(partial, cancellationToken);
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
