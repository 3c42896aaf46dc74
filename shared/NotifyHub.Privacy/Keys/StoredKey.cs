namespace NotifyHub.Privacy.Keys;

/// <summary>
/// One version of one key, as stored: only ever wrapped by the root key. Destroying it clears
/// the material but keeps the row, so the owner stays shredded and cannot get a fresh key.
/// </summary>
internal sealed class StoredKey
{
    public Guid OwnerId { get; set; }

    public KeyKind Kind { get; set; }

    public int Version { get; set; }

    public string RootKeyId { get; set; } = "";

    /// <summary>nonce ‖ tag ‖ wrapped key (AES-256-GCM under the root key); null once destroyed.</summary>
    public byte[]? WrappedMaterial { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DestroyedAt { get; set; }

    public KeyId Id => new(OwnerId, Kind, Version);
}
