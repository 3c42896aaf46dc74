namespace NotifyHub.BuildingBlocks.Configuration;

/// <summary>Top-level settings under <c>NotifyHub</c> shared by every module.</summary>
public sealed class NotifyHubOptions
{
    public const string Section = "NotifyHub";

    /// <summary>Where embedded files (SQLite databases, keys, file outboxes) live.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The portal's public address, used in letters and webhook signatures.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080");

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
