using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Email;

/// <summary>
/// SMTP through MailKit over ONE connection, opened on first use and kept for every later message (a handshake,
/// STARTTLS and AUTH per message would cost more than the message). Sends are serialised on it. A connection the
/// server dropped while idle is reopened once within the same call; any other broken connection is dropped and the
/// message reported retryable. SMTP 5xx is permanent, 4xx retryable.
/// </summary>
public sealed partial class SmtpEmailSender(
    IOptions<EmailOptions> options, EmailComposer composer, ILogger<SmtpEmailSender> logger) : IEmailSender, IAsyncDisposable
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    /// <summary>How many connections this sender has opened (tests check that one serves many messages).</summary>
    public int ConnectionsOpened { get; private set; }

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = composer.Compose(message);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var reused = _client is { IsConnected: true };
                try
                {
                    var client = await ConnectedAsync(cancellationToken);
                    await client.SendAsync(mime, cancellationToken);
                    return SendResult.Sent(mime.MessageId!);
                }
                catch (SmtpCommandException e)
                {
                    // The server answered: the connection is fine. Only the status goes into the result; the text
                    // after it often echoes the recipient's address.
                    LogRejected(logger, message.NotificationId, (int)e.StatusCode, e.ErrorCode);
                    var code = $"smtp {(int)e.StatusCode} {e.ErrorCode}";
                    return (int)e.StatusCode >= 500
                        ? SendResult.Permanent(code, "The SMTP server refused the message permanently.")
                        : SendResult.Retryable(code, "The SMTP server refused the message for now.");
                }
                catch (Exception e) when (IsConnectionFailure(e) && !cancellationToken.IsCancellationRequested)
                {
                    await DropAsync();
                    if (reused && attempt == 1)
                    {
                        continue;
                    }

                    LogConnectionFailed(logger, e, message.NotificationId);
                    return SendResult.Retryable("smtp connection", e.GetType().Name);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        _gate.Dispose();
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        await DropAsync();
        var client = new SmtpClient { Timeout = (int)_smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = _smtp.UseStartTls ? SecureSocketOptions.StartTls
                : _smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.None;
            await client.ConnectAsync(_smtp.Host!, _smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(_smtp.Username))
            {
                await client.AuthenticateAsync(_smtp.Username, _smtp.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        ConnectionsOpened++;
        _client = client;
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            // Already broken: nothing to say goodbye to.
        }
        finally
        {
            _client.Dispose();
            _client = null;
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or AuthenticationException or SslHandshakeException
            or TimeoutException or OperationCanceledException or InvalidOperationException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP refused notification {NotificationId}: {Status} {ErrorType}")]
    private static partial void LogRejected(ILogger logger, Guid notificationId, int status, SmtpErrorCode errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP connection failed while sending notification {NotificationId}")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, Guid notificationId);
}
