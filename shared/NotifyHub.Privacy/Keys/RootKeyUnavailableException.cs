namespace NotifyHub.Privacy.Keys;

/// <summary>
/// The root key cannot be used. The message is one line saying what is wrong and how to fix
/// it, because the host prints it and exits.
/// </summary>
public sealed class RootKeyUnavailableException : Exception
{
    public RootKeyUnavailableException()
        : base("The root key is unavailable.")
    {
    }

    public RootKeyUnavailableException(string message)
        : base(OneLine(message))
    {
    }

    public RootKeyUnavailableException(string message, Exception innerException)
        : base(OneLine(message), innerException)
    {
    }

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
