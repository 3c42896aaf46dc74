using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace NotifyHub.Notifications.Sms;

public static class TwilioWebhookApi
{
    /// <summary>Anonymous by necessity (Twilio has no token of ours): the signature is the authentication.</summary>
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/twilio/status", StatusAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Webhooks")
            .WithName("TwilioStatusCallback");
        return endpoints;
    }

    private static async Task<IResult> StatusAsync(HttpRequest request, TwilioStatusCallbacks callbacks, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Forbidden();
        }

        var form = await request.ReadFormAsync(ct);
        var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        if (!callbacks.IsAuthentic(pairs, request.Headers["X-Twilio-Signature"], request.QueryString.Value ?? ""))
        {
            return Forbidden();
        }

        await callbacks.ApplyAsync(form["MessageSid"], form["MessageStatus"], form["ErrorCode"], ct);
        return Results.NoContent();
    }

    private static IResult Forbidden() => Results.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Invalid signature", detail: "The X-Twilio-Signature header does not match this request.",
        extensions: new Dictionary<string, object?> { ["code"] = "invalid_signature" });
}
