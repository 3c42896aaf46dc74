using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.Notifications.Delivery;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace NotifyHub.Notifications.Email;

/// <summary>
/// SMTP through MailKit over a small pool of connections (<c>NotifyHub:Email:Smtp:Connections</c>), each opened on
/// first use and kept for every later message: a handshake, STARTTLS and AUTH per message would cost more than the
/// message. One message at a time per connection. A connection the server dropped while idle is reopened once within
/// the same call; any other broken connection is dropped and the message reported retryable, or unconfirmed once the
/// message was handed over (see <see cref="ClaimingBody"/>). SMTP 5xx is permanent, 4xx retryable.
/// </summary>
public sealed partial class SmtpEmailSender : IEmailSender, IAsyncDisposable
{
    private readonly SmtpOptions _smtp;
    private readonly EmailComposer _composer;
    private readonly ILogger<SmtpEmailSender> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<Connection> _idle = [];
    private int _connectionsOpened;

    public SmtpEmailSender(IOptions<EmailOptions> options, EmailComposer composer, ILogger<SmtpEmailSender> logger)
    {
        _smtp = options.Value.Smtp;
        _composer = composer;
        _logger = logger;
        _slots = new SemaphoreSlim(_smtp.Connections, _smtp.Connections);
    }

    /// <summary>How many connections this sender has opened (tests check that a few serve many messages).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    public async Task<SendResult> SendAsync(EmailMessage message, Action beforeEndOfData, CancellationToken cancellationToken = default)
    {
        var handedOver = false;
        var mime = _composer.Compose(message, () =>
        {
            try
            {
                beforeEndOfData();
            }
            catch (Exception e)
            {
                throw new AbandonedException(e);
            }

            handedOver = true;
        });
        await _slots.WaitAsync(cancellationToken);
        var connection = _idle.TryTake(out var idle) ? idle : new Connection();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var reused = connection.Client is { IsConnected: true };
                try
                {
                    var client = await ConnectedAsync(connection, cancellationToken);
                    // Not cancellable: before the end-of-data mark, cancelling is beforeEndOfData's to do; after it,
                    // only the server's answer (or the connection's timeout) may end the send.
                    await client.SendAsync(mime, CancellationToken.None);
                    return handedOver
                        ? SendResult.Sent(mime.MessageId!)
                        : throw new UnreachableException("MailKit sent a message without the write that runs beforeEndOfData.");
                }
                catch (AbandonedException)
                {
                    // MailKit has closed the connection without the end-of-data mark: the server discards the message.
                    await connection.DropAsync();
                    return SendResult.Abandoned;
                }
                catch (SmtpCommandException e)
                {
                    // The server answered: the connection is fine. Only the status goes into the result; the text
                    // after it often echoes the recipient's address.
                    LogRejected(_logger, message.NotificationId, (int)e.StatusCode, e.ErrorCode);
                    var code = $"smtp {(int)e.StatusCode} {e.ErrorCode}";
                    return (int)e.StatusCode >= 500
                        ? SendResult.Permanent(code, "The SMTP server refused the message permanently.")
                        : SendResult.Retryable(code, "The SMTP server refused the message for now.");
                }
                catch (Exception e) when (IsConnectionFailure(e))
                {
                    await connection.DropAsync();
                    LogConnectionFailed(_logger, e, message.NotificationId);
                    if (handedOver)
                    {
                        // The end-of-data mark may have reached the server: sending again would duplicate the
                        // message (RFC 1047), so it is recorded sent without the server's word.
                        return SendResult.Unconfirmed(e.GetType().Name);
                    }

                    if (cancellationToken.IsCancellationRequested)
                    {
                        return SendResult.Abandoned;
                    }

                    if (reused && attempt == 1)
                    {
                        continue;
                    }

                    return SendResult.Retryable("smtp connection", e.GetType().Name);
                }
            }
        }
        finally
        {
            _idle.Add(connection);
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var connection))
        {
            await connection.DropAsync();
        }

        _slots.Dispose();
    }

    private async Task<SmtpClient> ConnectedAsync(Connection connection, CancellationToken cancellationToken)
    {
        if (connection.Client is { IsConnected: true } open)
        {
            return open;
        }

        await connection.DropAsync();
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

        // BDAT ends a message with its counted last byte rather than an end-of-data mark the claim can precede.
        client.Capabilities &= ~SmtpCapabilities.Chunking;
        Interlocked.Increment(ref _connectionsOpened);
        connection.Client = client;
        return client;
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or AuthenticationException or SslHandshakeException
            or TimeoutException or OperationCanceledException or InvalidOperationException;

    /// <summary>Thrown from beforeEndOfData to make MailKit abandon the message before its end-of-data mark.</summary>
    private sealed class AbandonedException(Exception inner) : Exception(inner.Message, inner);

    /// <summary>One pooled SMTP session; used by one send at a time.</summary>
    private sealed class Connection
    {
        public SmtpClient? Client { get; set; }

        public async Task DropAsync()
        {
            if (Client is null)
            {
                return;
            }

            try
            {
                if (Client.IsConnected)
                {
                    await Client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                // Already broken: nothing to say goodbye to.
            }
            finally
            {
                Client.Dispose();
                Client = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP refused notification {NotificationId}: {Status} {ErrorType}")]
    private static partial void LogRejected(ILogger logger, Guid notificationId, int status, SmtpErrorCode errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP connection failed while sending notification {NotificationId}")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, Guid notificationId);
}
