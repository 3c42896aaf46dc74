using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace NotifyHub.BuildingBlocks.Web;

/// <summary>
/// Turns expected exceptions into problem details through <see cref="ProblemKinds"/>; anything else stays a 500
/// without internals. Validation failures and unreadable bodies are expressed as problems of the same vocabulary.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => new ProblemException(ProblemKind.Invalid, "validation_failed", "The request is not valid")
            {
                Errors = validation.Errors.GroupBy(e => ToCamelCase(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()),
            },
            ProblemException known => known,
            // 413: the server cut a body (sent without Content-Length) at the endpoint's limit.
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } bad =>
                ProblemException.TooLarge("request_too_large", "The request could not be read", bad.Message),
            BadHttpRequestException bad => new ProblemException(ProblemKind.Invalid, "bad_request", "The request could not be read", bad.Message),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status;
        if (problem.RetryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds(wait);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem.ToProblemDetails(),
            Exception = exception,
        });
    }

    /// <summary>Retry-After in whole seconds (the header's form), at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
