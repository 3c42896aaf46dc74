using Microsoft.AspNetCore.Http;
using NotifyHub.BuildingBlocks.Web;
using System.Text;

namespace NotifyHub.Portal.Status;

/// <summary>
/// The one answer for every failed check, written as fixed bytes (no trace id, no instance, no timestamp) so an
/// unknown code, a wrong factor and a locked code are byte-for-byte the same.
/// </summary>
public static class NoMatch
{
    public const string Code = "no_match";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\",\"title\":\"We could not find a match\",\"status\":404," +
        "\"detail\":\"Check the reference code on your letter, email or text message and the date of birth or postcode, then try again.\"," +
        "\"code\":\"no_match\"}");

    public static IResult Result() => new Fixed(ProblemKinds.StatusOf(ProblemKind.NotFound), Body, null);

    private static readonly byte[] TooMany = Encoding.UTF8.GetBytes(
        "{\"type\":\"https://tools.ietf.org/html/rfc6585#section-4\",\"title\":\"Too many attempts\",\"status\":429," +
        "\"detail\":\"Too many checks failed from your connection. Wait, then try again.\",\"code\":\"too_many_attempts\"}");

    public static IResult TooManyAttempts(TimeSpan retryAfter) =>
        new Fixed(ProblemKinds.StatusOf(ProblemKind.TooManyRequests), TooMany, (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds)));

    /// <summary>A fixed body with its status (and Retry-After in whole seconds, the header's form).</summary>
    private sealed class Fixed(int status, byte[] body, int? retryAfterSeconds) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            httpContext.Response.ContentType = "application/problem+json";
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body);
        }
    }
}
