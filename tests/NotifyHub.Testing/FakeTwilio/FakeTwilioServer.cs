using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Testing.FakeTwilio;

/// <summary>
/// A Twilio-shaped HTTP server on a free loopback port (real Kestrel, real sockets) for
/// <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>: basic auth checked (401, code 20003), required form
/// fields checked the way Twilio does (21604 To, 21602 Body, 21603 From/MessagingServiceSid; 400), 201 with a
/// Twilio-shaped resource otherwise. It can answer 429/503 the next N times, refuse chosen numbers with a Twilio code
/// (21211 invalid number...), and send signed status callbacks to a message's StatusCallback URL.
/// </summary>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeTwilioRequest> _requests = new();
    private readonly ConcurrentQueue<FakeTwilioMessage> _messages = new();
    private readonly ConcurrentDictionary<string, int> _refusedNumbers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly HttpClient _callbacks = new();
    private int _failuresLeft;
    private int _failureStatus;

    private FakeTwilioServer(WebApplication app, string accountSid, string authToken, Uri baseUrl)
    {
        _app = app;
        AccountSid = accountSid;
        AuthToken = authToken;
        BaseUrl = baseUrl;
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    /// <summary>What to configure as <c>NotifyHub:Sms:Twilio:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; }

    public IReadOnlyList<FakeTwilioRequest> Requests => [.. _requests];

    /// <summary>The messages accepted with 201, in order.</summary>
    public IReadOnlyList<FakeTwilioMessage> Messages => [.. _messages];

    public static async Task<FakeTwilioServer> StartAsync(string accountSid = "AC0123456789abcdef0123456789abcdef", string authToken = "fake-twilio-auth-token")
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeTwilioServer(app, accountSid, authToken, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", (string accountSid, HttpContext context) => server.CreateMessageAsync(accountSid, context));
        await app.StartAsync();
        return server;
    }

    /// <summary>The next <paramref name="times"/> valid requests get <paramref name="status"/> (429 or 503) instead of 201.</summary>
    public void FailNext(int times, HttpStatusCode status = HttpStatusCode.TooManyRequests)
    {
        lock (_gate)
        {
            _failuresLeft = times;
            _failureStatus = (int)status;
        }
    }

    /// <summary>Messages to <paramref name="to"/> (E.164) are refused with 400 and Twilio error <paramref name="code"/>.</summary>
    public void RefuseNumber(string to, int code = 21211) => _refusedNumbers[to] = code;

    /// <summary>
    /// Sends the status callback Twilio would send for <paramref name="message"/>, signed with the auth token over its
    /// StatusCallback URL. <paramref name="via"/> posts through another client (e.g. a WebApplicationFactory's, which
    /// has no socket) to the same URL.
    /// </summary>
    public async Task<HttpResponseMessage> SendStatusCallbackAsync(FakeTwilioMessage message, string status, HttpClient? via = null, string? errorCode = null)
    {
        var url = message.StatusCallback ?? throw new InvalidOperationException("The message was sent without a StatusCallback.");
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["From"] = message.From ?? "+15005550006",
            ["MessageSid"] = message.Sid,
            ["MessageStatus"] = status,
            ["SmsSid"] = message.Sid,
            ["SmsStatus"] = status,
            ["To"] = message.To,
        };
        if (message.MessagingServiceSid is { } service)
        {
            form["MessagingServiceSid"] = service;
        }

        if (errorCode is not null)
        {
            form["ErrorCode"] = errorCode;
        }

        return await PostSignedAsync(url, form, FakeTwilioSignature.Sign(AuthToken, url, form), via);
    }

    /// <summary>Posts <paramref name="form"/> to <paramref name="url"/> with the given signature header (null: none), for rejection tests.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string url, IReadOnlyDictionary<string, string> form, string? signature, HttpClient? via = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        return await (via ?? _callbacks).SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _callbacks.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> CreateMessageAsync(string accountSid, HttpContext context)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var authenticated = IsAuthenticated(context.Request, accountSid);
        var result = Answer(accountSid, authenticated, form, out var status);
        _requests.Enqueue(new FakeTwilioRequest(accountSid, authenticated, form, status));
        return result;
    }

    private IResult Answer(string accountSid, bool authenticated, Dictionary<string, string> form, out int status)
    {
        if (!authenticated)
        {
            status = 401;
            return Error(401, 20003, "Authenticate");
        }

        string? Field(string name) => form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        var to = Field("To");
        var body = Field("Body");
        var from = Field("From");
        var service = Field("MessagingServiceSid");
        (status, var failure) = (to, body, from ?? service) switch
        {
            (null, _, _) => (400, Error(400, 21604, "A 'To' phone number is required.")),
            (_, null, _) => (400, Error(400, 21602, "Message body is required.")),
            (_, _, null) => (400, Error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.")),
            _ => (0, null),
        };
        if (failure is not null)
        {
            return failure;
        }

        lock (_gate)
        {
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                status = _failureStatus;
                return status == 429 ? Error(429, 20429, "Too Many Requests") : Error(status, 20500, "Internal Server Error");
            }
        }

        if (_refusedNumbers.TryGetValue(to!, out var code))
        {
            status = 400;
            return Error(400, code, $"The 'To' number {to} is not a valid phone number.");
        }

        var message = new FakeTwilioMessage("SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), to!, body!, from, service, Field("StatusCallback"));
        _messages.Enqueue(message);
        status = 201;
        var now = TimeProvider.System.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        return Results.Json(new Dictionary<string, object?>
        {
            ["account_sid"] = accountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = body,
            ["date_created"] = now,
            ["date_sent"] = null,
            ["date_updated"] = now,
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = from,
            ["messaging_service_sid"] = service,
            ["num_media"] = "0",
            ["num_segments"] = "1",
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = message.Sid,
            ["status"] = "queued",
            ["to"] = to,
            ["uri"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{message.Sid}.json",
        }, statusCode: 201);
    }

    private bool IsAuthenticated(HttpRequest request, string accountSid)
    {
        string? header = request.Headers.Authorization;
        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var expected = Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}");
            var given = Convert.FromBase64String(header["Basic ".Length..].Trim());
            return accountSid == AccountSid && CryptographicOperations.FixedTimeEquals(expected, given);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IResult Error(int status, int code, string message) => Results.Json(new
    {
        code,
        message,
        more_info = $"https://www.twilio.com/docs/errors/{code}",
        status,
    }, statusCode: status);
}
