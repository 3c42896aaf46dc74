namespace NotifyHub.BuildingBlocks.Web;

/// <summary>
/// The kinds of expected failure NotifyHub answers with. Code says which kind it is and why (a stable
/// <c>code</c>); <see cref="ProblemKinds"/> alone decides the HTTP status, so two handlers never disagree.
/// </summary>
public enum ProblemKind
{
    /// <summary>The request is malformed or a field is wrong (400), with field errors when there are some.</summary>
    Invalid = 1,

    /// <summary>Well-formed, but a rule of the domain refuses it, such as incompatible roles (422).</summary>
    RuleBroken,

    /// <summary>No valid credentials or session (401).</summary>
    Unauthenticated,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>No such thing, or one the caller may not know exists (404).</summary>
    NotFound,

    /// <summary>The current state does not allow it now, such as a closed case (409).</summary>
    Conflict,

    /// <summary>The caller's own account is blocked until someone unblocks it (423).</summary>
    Locked,

    /// <summary>The body is over the endpoint's limit (413).</summary>
    TooLarge,

    /// <summary>The body's media type is not one this endpoint reads (415).</summary>
    Unsupported,

    /// <summary>Too many attempts; <c>Retry-After</c> says when to try again (429).</summary>
    TooManyRequests,
}
