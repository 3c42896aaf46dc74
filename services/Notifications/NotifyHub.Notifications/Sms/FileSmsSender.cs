using System.Text.Json;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Sms;

/// <summary>The embedded default: each SMS as <c>{DataDirectory}/outbox/sms/{notification id}.json</c>; a retry overwrites its own file.</summary>
public sealed class FileSmsSender(IOptions<NotifyHubOptions> hub, TimeProvider clock) : ISmsSender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _folder = Path.Combine(hub.Value.FullDataDirectory, "outbox", "sms");

    public bool ReportsDeliveryLater => false;

    public async Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        if (!E164.TryNormalize(message.To.Reveal(), message.Country, out var to))
        {
            return SendResult.Permanent("invalid_number", "The phone number is not a valid number.");
        }

        var id = $"file-{message.NotificationId:N}";
        try
        {
            Directory.CreateDirectory(_folder);
            var path = Path.Combine(_folder, $"{message.NotificationId:N}.json");
            var segments = SmsSegments.Count(message.Body);
            await File.WriteAllTextAsync(path + ".partial", JsonSerializer.Serialize(new
            {
                id,
                notificationId = message.NotificationId,
                to,
                body = message.Body,
                encoding = segments.EncodingName,
                segments = segments.Segments,
                createdAt = clock.GetUtcNow(),
            }, Json), cancellationToken);
            File.Move(path + ".partial", path, overwrite: true);
            return SendResult.Sent(id);
        }
        catch (IOException e)
        {
            return SendResult.Retryable("file", e.GetType().Name);
        }
    }
}
