namespace NotifyHub.BuildingBlocks.Web;

/// <summary>
/// An expected failure that becomes an <c>application/problem+json</c> response with a specific status,
/// a stable <see cref="Code"/> clients can branch on, and a message a person can act on.
/// </summary>
public class ProblemException(int status, string code, string title, string? detail = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    public static ProblemException NotFound(string what, object id) =>
        new(404, "not_found", $"{what} not found", $"No {what.ToLowerInvariant()} with id {id}.");

    public static ProblemException Conflict(string code, string detail) => new(409, code, "Conflict", detail);

    public static ProblemException BadRequest(string code, string detail) => new(400, code, "Bad request", detail);
}
