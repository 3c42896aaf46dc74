using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NotifyHub.BuildingBlocks.Web;

/// <summary>Turns expected exceptions into problem details; anything else stays a 500 without internals.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? details = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(
                validation.Errors.GroupBy(e => ToCamelCase(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid",
                Extensions = { ["code"] = "validation_failed" },
            },
            ProblemException problem => new ProblemDetails
            {
                Status = problem.Status,
                Title = problem.Title,
                Detail = problem.Detail,
                Extensions = { ["code"] = problem.Code },
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read",
                Detail = bad.Message,
                // 413: the server cut a body (sent without Content-Length) at the endpoint's limit.
                Extensions = { ["code"] = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request_too_large" : "bad_request" },
            },
            _ => null,
        };
        if (details is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = details.Status ?? 400;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }

    private static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
