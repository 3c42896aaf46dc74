using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.Notifications.Delivery;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Notifications.Sms;

/// <summary>
/// Twilio Programmable Messaging over plain HTTP (the SDK is not served): <c>POST /2010-04-01/Accounts/{Sid}/Messages.json</c>,
/// form-encoded, basic auth. 429 and 5xx are retried by the client's resilience handler (see <see cref="SmsRegistration"/>);
/// what is still failing after that is retryable. A 400 is permanent; Twilio's code (21211 invalid number, 21614 not a
/// mobile, 21610 unsubscribed) is kept, its message is not (it quotes the number).
/// </summary>
public sealed partial class TwilioSmsSender(
    HttpClient http, IOptions<SmsOptions> options, IOptions<NotifyHubOptions> hub, ILogger<TwilioSmsSender> logger) : ISmsSender
{
    private readonly TwilioOptions _twilio = options.Value.Twilio;

    public static string StatusCallbackUrl(Uri publicBaseUrl) => publicBaseUrl.ToString().TrimEnd('/') + "/webhooks/twilio/status";

    public bool ReportsDeliveryLater => true;

    public async Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        if (!E164.TryNormalize(message.To.Reveal(), message.Country, out var to))
        {
            return SendResult.Permanent("invalid_number", "The phone number is not a valid number.");
        }

        var form = new Dictionary<string, string>
        {
            ["To"] = to,
            ["Body"] = message.Body,
            ["StatusCallback"] = StatusCallbackUrl(hub.Value.PublicBaseUrl),
        };
        if (!string.IsNullOrWhiteSpace(_twilio.MessagingServiceSid))
        {
            form["MessagingServiceSid"] = _twilio.MessagingServiceSid;
        }
        else
        {
            form["From"] = _twilio.From!;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"2010-04-01/Accounts/{Uri.EscapeDataString(_twilio.AccountSid!)}/Messages.json")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_twilio.AccountSid}:{_twilio.AuthToken}")));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return await ReadAsync(message.NotificationId, response, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                      or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, message.NotificationId, e.GetType().Name);
            return SendResult.Retryable("twilio unreachable", e.GetType().Name);
        }
    }

    private async Task<SendResult> ReadAsync(Guid notificationId, HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        using var body = await ReadJsonAsync(response, ct);
        if (response.IsSuccessStatusCode && body?.RootElement.TryGetProperty("sid", out var sid) == true)
        {
            return SendResult.Sent(sid.GetString()!);
        }

        var code = body?.RootElement.TryGetProperty("code", out var c) == true && c.ValueKind == JsonValueKind.Number
            ? c.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        LogRefused(logger, notificationId, status, code);
        var label = code is null ? $"twilio http {status}" : $"twilio {code}";
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
                SendResult.Retryable(label, "Twilio is throttling or failing.", response.Headers.RetryAfter?.Delta),
            // Credentials or account trouble is the operator's to fix, not the person's number: try again later.
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound =>
                SendResult.Retryable(label, "Twilio refused the account's credentials."),
            _ => SendResult.Permanent(label, code is "21211" or "21614" or "21610"
                ? "Twilio says the number cannot receive SMS."
                : "Twilio refused the message."),
        };
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio refused notification {NotificationId}: HTTP {Status}, code {Code}")]
    private static partial void LogRefused(ILogger logger, Guid notificationId, int status, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio unreachable for notification {NotificationId}: {Error}")]
    private static partial void LogUnreachable(ILogger logger, Guid notificationId, string error);
}
