using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.Notifications.Delivery;
using System.Text.Json;

namespace NotifyHub.Notifications.Sms;

/// <summary>
/// The embedded default: each SMS as <c>{DataDirectory}/outbox/sms/{notification id}.json.enc</c>, the JSON encrypted
/// with <see cref="OutboxFileCipher"/> (it holds the number and the reference code); a retry overwrites its own file.
/// </summary>
public sealed class FileSmsSender(IOptions<NotifyHubOptions> hub, OutboxFileCipher cipher, TimeProvider clock) : ISmsSender
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
            PrivateDataDirectory.CreateFolder(_folder);
            var path = Path.Combine(_folder, $"{message.NotificationId:N}.json{OutboxFileCipher.Suffix}");
            var segments = SmsSegments.Count(message.Body);
            var json = JsonSerializer.SerializeToUtf8Bytes(new
            {
                id,
                notificationId = message.NotificationId,
                to,
                body = message.Body,
                encoding = segments.EncodingName,
                segments = segments.Segments,
                createdAt = clock.GetUtcNow(),
            }, Json);
            var sealedFile = await cipher.EncryptAsync(message.NotificationId, OutboxFileCipher.SmsPart, json, cancellationToken);
            Array.Clear(json);
            await using (var file = new FileStream(path + ".partial", PrivateDataDirectory.NewFile()))
            {
                await file.WriteAsync(sealedFile, cancellationToken);
            }

            File.Move(path + ".partial", path, overwrite: true);
            return SendResult.Sent(id);
        }
        catch (IOException e)
        {
            return SendResult.Retryable("file", e.GetType().Name);
        }
    }
}
