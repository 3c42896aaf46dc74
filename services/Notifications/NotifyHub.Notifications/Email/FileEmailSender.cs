using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Email;

/// <summary>The embedded default: each email as <c>{DataDirectory}/outbox/email/{notification id}.eml</c>; a retry overwrites its own file.</summary>
public sealed class FileEmailSender(EmailComposer composer, IOptions<NotifyHubOptions> hub) : IEmailSender
{
    private readonly string _folder = Path.Combine(hub.Value.FullDataDirectory, "outbox", "email");

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = composer.Compose(message);
        try
        {
            Directory.CreateDirectory(_folder);
            var path = Path.Combine(_folder, $"{message.NotificationId:N}.eml");
            var partial = path + ".partial";
            await mime.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
            return SendResult.Sent(mime.MessageId!);
        }
        catch (IOException e)
        {
            return SendResult.Retryable("file", e.GetType().Name);
        }
    }
}
