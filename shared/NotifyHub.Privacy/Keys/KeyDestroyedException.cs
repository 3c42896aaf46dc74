namespace NotifyHub.Privacy.Keys;

/// <summary>The key was crypto-shredded: whatever it encrypted can no longer be read, by anyone.</summary>
public sealed class KeyDestroyedException : Exception
{
    public KeyDestroyedException()
        : base("The key was destroyed.")
    {
    }

    public KeyDestroyedException(string message)
        : base(message)
    {
    }

    public KeyDestroyedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KeyDestroyedException(Guid ownerId, KeyKind kind)
        : base($"The {kind} key of {ownerId} was destroyed; data encrypted under it can no longer be read.")
    {
        OwnerId = ownerId;
        Kind = kind;
    }

    public Guid OwnerId { get; }

    public KeyKind Kind { get; }
}
