namespace NotifyHub.Notifications.PrintHouses;

/// <summary>The exchange could not be reached for a reason worth a code of its own (a refused host key, no credential).</summary>
public sealed class DropBoxException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
