namespace NotifyHub.Privacy.Keys;

/// <summary>
/// Supplies the root key that wraps every stored key. An interface so that an external KMS
/// can replace the local key ring without touching the key store.
/// </summary>
public interface IRootKeyProvider
{
    /// <exception cref="RootKeyUnavailableException">The root key is missing, unreadable or malformed.</exception>
    ValueTask<RootKey> GetRootKeyAsync(CancellationToken cancellationToken = default);
}
