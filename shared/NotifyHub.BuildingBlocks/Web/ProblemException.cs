namespace NotifyHub.BuildingBlocks.Web;

/// <summary>
/// An expected failure that becomes an <c>application/problem+json</c> response: its <see cref="Kind"/> (mapped to
/// a status by <see cref="ProblemKinds"/> only), a stable <see cref="Code"/> clients can branch on, and a message
/// a person can act on.
/// </summary>
public class ProblemException(ProblemKind kind, string code, string title, string? detail = null) : Exception(detail ?? title)
{
    public ProblemKind Kind { get; } = kind;

    public int Status => ProblemKinds.StatusOf(Kind);

    public string Code { get; } = code;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    /// <summary>Field errors of an <see cref="ProblemKind.Invalid"/> request, keyed by the field's JSON name.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>How long to wait before trying again (<see cref="ProblemKind.TooManyRequests"/>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static ProblemException NotFound(string what, object id) =>
        new(ProblemKind.NotFound, "not_found", $"{what} not found", $"No {what.ToLowerInvariant()} with id {id}.");

    public static ProblemException NotFound(string code, string title, string detail) => new(ProblemKind.NotFound, code, title, detail);

    public static ProblemException Conflict(string code, string detail) => new(ProblemKind.Conflict, code, "Conflict", detail);

    /// <summary>A wrong request; with <paramref name="field"/>, the detail is also that field's error.</summary>
    public static ProblemException Invalid(string code, string detail, string? field = null) =>
        new(ProblemKind.Invalid, code, "Bad request", detail)
        {
            Errors = field is null ? null : new Dictionary<string, string[]> { [field] = [detail] },
        };

    public static ProblemException RuleBroken(string code, string title, string detail) => new(ProblemKind.RuleBroken, code, title, detail);

    public static ProblemException Forbidden(string code, string title, string detail) => new(ProblemKind.Forbidden, code, title, detail);

    public static ProblemException Unauthenticated(string code, string title, string detail) =>
        new(ProblemKind.Unauthenticated, code, title, detail);

    public static ProblemException TooLarge(string code, string title, string detail) => new(ProblemKind.TooLarge, code, title, detail);

    public static ProblemException Unsupported(string code, string detail) =>
        new(ProblemKind.Unsupported, code, "Unsupported media type", detail);

    public static ProblemException TooManyRequests(string code, string detail, TimeSpan retryAfter) =>
        new(ProblemKind.TooManyRequests, code, "Too many attempts", detail) { RetryAfter = retryAfter };
}
