using System.Security.Cryptography;

namespace NotifyHub.Privacy.Keys;

/// <summary>
/// The embedded root key provider: a key from configuration, or else a key file under the
/// data directory that is created on first use with mode 0600.
/// </summary>
public sealed class LocalKeyRing(LocalKeyRingOptions options) : IRootKeyProvider
{
    private readonly Lock _gate = new();
    private RootKey? _root;

    public string KeyFilePath =>
        Path.Combine(Path.GetFullPath(options.DataDirectory), "keys", "root.key");

    public ValueTask<RootKey> GetRootKeyAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(GetRootKey());

    /// <exception cref="RootKeyUnavailableException">With a one-line message for the operator.</exception>
    public RootKey GetRootKey()
    {
        // Not Lazy<T>: a failure is not cached, so a fixed file is picked up on the next call.
        lock (_gate)
        {
            return _root ??= Load();
        }
    }

    /// <summary>True when the root key lives in the key file rather than in configuration.</summary>
    public bool UsesKeyFile => string.IsNullOrWhiteSpace(options.RootKey);

    /// <summary>
    /// Makes <paramref name="newRoot"/> the key file's key (mode 0600, replaced atomically) and this ring's key.
    /// Call only after the store has been re-wrapped under it.
    /// </summary>
    internal void ReplaceKeyFile(RootKey newRoot)
    {
        lock (_gate)
        {
            RootKeyFile.Write(KeyFilePath, newRoot.Material, replace: true);
            _root = newRoot;
        }
    }

    private RootKey Load()
    {
        if (!string.IsNullOrWhiteSpace(options.RootKey))
        {
            return FromConfiguration(options.RootKey);
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new RootKeyUnavailableException(
                "No root key: set NotifyHub:Keys:RootKey (32 bytes, base64) or NotifyHub:DataDirectory for a local key file.");
        }

        var path = KeyFilePath;
        var material = RootKeyFile.ReadOrCreate(path);
        try
        {
            return new RootKey(Id(material), material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private RootKey FromConfiguration(string base64)
    {
        const string fix = "set it to 32 random bytes in base64 (for example the output of `openssl rand -base64 32`).";
        byte[] material;
        try
        {
            material = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new RootKeyUnavailableException($"NotifyHub:Keys:RootKey is not valid base64; {fix}");
        }

        try
        {
            if (material.Length != RootKey.SizeInBytes)
            {
                throw new RootKeyUnavailableException(
                    $"NotifyHub:Keys:RootKey is {material.Length} bytes, expected {RootKey.SizeInBytes}; {fix}");
            }

            return new RootKey(Id(material), material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private string Id(ReadOnlySpan<byte> material) =>
        string.IsNullOrWhiteSpace(options.RootKeyId) ? RootKey.FingerprintId(material) : options.RootKeyId.Trim();
}
