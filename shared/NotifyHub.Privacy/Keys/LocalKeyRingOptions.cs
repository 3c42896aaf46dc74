namespace NotifyHub.Privacy.Keys;

/// <summary>Where the local key ring finds its root key.</summary>
public sealed class LocalKeyRingOptions
{
    /// <summary><c>NotifyHub:DataDirectory</c>; the key file is <c>{DataDirectory}/keys/root.key</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary><c>NotifyHub:Keys:RootKey</c>: 32 bytes in base64. When set, no key file is used.</summary>
    public string? RootKey { get; set; }

    /// <summary><c>NotifyHub:Keys:RootKeyId</c>; defaults to a fingerprint of the key.</summary>
    public string? RootKeyId { get; set; }
}
