namespace NotifyHub.Privacy.Access;

/// <summary>The key service refused a request; <see cref="Reason"/> says why.</summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException()
        : base("Access denied.")
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AccessDeniedException(AccessDenialReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public AccessDenialReason Reason { get; }
}
