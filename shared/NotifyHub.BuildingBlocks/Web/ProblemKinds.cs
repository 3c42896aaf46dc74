using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace NotifyHub.BuildingBlocks.Web;

/// <summary>The one place where a <see cref="ProblemKind"/> becomes an HTTP status and a problem+json body.</summary>
public static class ProblemKinds
{
    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => StatusCodes.Status400BadRequest,
        ProblemKind.RuleBroken => StatusCodes.Status422UnprocessableEntity,
        ProblemKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Locked => StatusCodes.Status423Locked,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.Unsupported => StatusCodes.Status415UnsupportedMediaType,
        ProblemKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown problem kind."),
    };

    /// <summary>The body: title, detail, the stable <c>code</c>, and field errors for an invalid request.</summary>
    public static ProblemDetails ToProblemDetails(this ProblemException problem)
    {
        ProblemDetails details = problem.Errors is { Count: > 0 } errors
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        details.Status = problem.Status;
        details.Title = problem.Title;
        details.Detail = problem.Detail;
        details.Extensions["code"] = problem.Code;
        return details;
    }

    /// <summary>
    /// For endpoints that return rather than throw (typed results in a <c>Results&lt;…&gt;</c> union). The caller
    /// sets <c>Retry-After</c> itself when the problem has one: a result cannot add headers.
    /// </summary>
    public static ProblemHttpResult ToHttpResult(this ProblemException problem) => TypedResults.Problem(problem.ToProblemDetails());
}
