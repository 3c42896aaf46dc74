namespace NotifyHub.Notifications.PrintHouses;

/// <summary>The folder names of the exchange, from the print house's point of view.</summary>
public static class DropBoxFolders
{
    public const string Incoming = "incoming";
    public const string Outgoing = "outgoing";
    public const string Processed = "outgoing/processed";

    public static string TempName(string name) => $".{name}.part";
}
