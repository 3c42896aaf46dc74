namespace NotifyHub.Privacy.Access;

/// <summary>The user is blocked for suspected bulk access until a supervisor of their vendor (or an admin) unblocks them.</summary>
public sealed class AccessBlockedException : Exception
{
    public AccessBlockedException()
        : base("Access is blocked.")
    {
    }

    public AccessBlockedException(string message)
        : base(message)
    {
    }

    public AccessBlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AccessBlockedException(Guid userId)
        : base($"User {userId} is blocked for suspected bulk access; a supervisor of the same vendor or an admin must unblock them.")
    {
        UserId = userId;
    }

    public Guid UserId { get; }
}
