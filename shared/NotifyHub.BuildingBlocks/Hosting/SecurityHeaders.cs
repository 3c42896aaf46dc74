using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NotifyHub.BuildingBlocks.Hosting;

/// <summary>
/// Safe defaults on every response, API or page: no MIME sniffing, no framing, no referrer leaking a reference code
/// in a URL, a CSP that only allows our own origin, HSTS once a request arrived over HTTPS (directly or through a
/// proxy honoured by the forwarded-headers middleware), and no caching of API answers (tokens, personal data).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; " +
        "base-uri 'none'; frame-ancestors 'none'";

    /// <summary>One year; browsers remember it only from an HTTPS response, so it is never sent over plain HTTP.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <param name="skipCsp">Requests whose pages need a looser policy (Scalar's in Development).</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, Func<HttpContext, bool>? skipCsp = null) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (skipCsp?.Invoke(context) != true)
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }

                if (context.Request.Path.StartsWithSegments("/api") && !headers.ContainsKey("Cache-Control"))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
