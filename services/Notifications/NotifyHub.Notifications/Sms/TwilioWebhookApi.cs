using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Web;

namespace NotifyHub.Notifications.Sms;

public static class TwilioWebhookApi
{
    private static readonly string[] KnownStatuses = ["accepted", "scheduled", "queued", "sending", "sent", "delivered", "undelivered", "failed", "read", "canceled"];

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

    /// <summary>No signature or a wrong one: 403. Signed but not a status callback (no form, no MessageSid, unknown status): 400. Neither changes anything.</summary>
    private static async Task<IResult> StatusAsync(HttpRequest request, TwilioStatusCallbacks callbacks, CancellationToken ct)
    {
        string? signature = request.Headers["X-Twilio-Signature"];
        if (string.IsNullOrEmpty(signature))
        {
            return Forbidden();
        }

        if (!request.HasFormContentType)
        {
            return Malformed("The body is not application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(ct);
        var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        if (!callbacks.IsAuthentic(pairs, signature, request.QueryString.Value ?? ""))
        {
            return Forbidden();
        }

        string? sid = form["MessageSid"];
        string? status = form["MessageStatus"];
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(status) || !KnownStatuses.Contains(status))
        {
            return Malformed("A status callback needs MessageSid and a known MessageStatus.");
        }

        await callbacks.ApplyAsync(sid, status, form["ErrorCode"], ct);
        return Results.NoContent();
    }

    private static ProblemHttpResult Forbidden() => ProblemException.Forbidden("invalid_signature", "Invalid signature",
        "The X-Twilio-Signature header is missing or does not match this request.").ToHttpResult();

    private static ProblemHttpResult Malformed(string detail) =>
        new ProblemException(ProblemKind.Invalid, "malformed_callback", "Malformed status callback", detail).ToHttpResult();
}
