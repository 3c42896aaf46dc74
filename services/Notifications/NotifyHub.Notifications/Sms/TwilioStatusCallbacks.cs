using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.Notifications;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Sms;

/// <summary>
/// Twilio's status callbacks: checks the signature against the URL as configured publicly (a proxy in front must
/// not change what was signed), then moves the notification to delivered or failed. A repeated callback is a no-op.
/// </summary>
public sealed partial class TwilioStatusCallbacks(
    NotificationsDbContext db, IOptions<SmsOptions> sms, IOptions<NotifyHubOptions> hub, TimeProvider clock,
    ILogger<TwilioStatusCallbacks> logger)
{
    public bool IsAuthentic(IEnumerable<KeyValuePair<string, string>> form, string? signature, string queryString)
    {
        var token = sms.Value.Twilio.AuthToken;
        if (string.IsNullOrEmpty(token))
        {
            // Without Twilio configured nothing can be verified, so nothing is believed.
            return false;
        }

        var url = TwilioSmsSender.StatusCallbackUrl(hub.Value.PublicBaseUrl) + queryString;
        return TwilioSignature.IsValid(token, url, form, signature);
    }

    public async Task ApplyAsync(string? messageSid, string? messageStatus, string? errorCode, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(messageSid) || messageStatus is not ("delivered" or "undelivered" or "failed"))
        {
            return;
        }

        var notification = await db.Notifications.FirstOrDefaultAsync(
            n => n.ProviderMessageId == messageSid && n.Channel == Channel.Sms, ct);
        if (notification is null)
        {
            LogUnknown(logger, messageSid);
            return;
        }

        var now = clock.GetUtcNow();
        if (messageStatus == "delivered")
        {
            if (notification.MarkDelivered(now))
            {
                db.Publish(new NotificationDelivered(notification.Id, notification.IncidentId, notification.CampaignId,
                    notification.PersonId, notification.Channel.ToCode(), now));
            }
        }
        else
        {
            var code = string.IsNullOrEmpty(errorCode) ? $"twilio {messageStatus}" : $"twilio {errorCode}";
            if (notification.MarkFailed(code, now))
            {
                db.Publish(new NotificationFailed(notification.Id, notification.IncidentId, notification.CampaignId,
                    notification.PersonId, notification.Channel.ToCode(), code, now));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio status callback for unknown message {MessageSid}")]
    private static partial void LogUnknown(ILogger logger, string messageSid);
}
