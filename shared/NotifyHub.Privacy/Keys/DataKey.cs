using System.Security.Cryptography;

namespace NotifyHub.Privacy.Keys;

/// <summary>
/// An unwrapped data key, obtained only from <see cref="KeyStore"/>. Its material never leaves
/// this assembly. It keeps a few <see cref="AesGcm"/> instances for reuse: creating one per
/// call costs more than encrypting a short field, and one instance is not safe to share
/// between threads, hence a small pool rather than a single cached instance.
/// </summary>
public sealed class DataKey
{
    internal const int SizeInBytes = 32;
    internal const int TagSize = 16;

    // Pinned so the GC never leaves a copy of the key behind that Destroy could not zero.
    private readonly byte[] _material = GC.AllocateArray<byte>(SizeInBytes, pinned: true);
    private readonly AesGcm?[] _pool = new AesGcm?[Math.Clamp(Environment.ProcessorCount, 2, 16)];
    private readonly Lock _gate = new();
    private volatile bool _destroyed;

    internal DataKey(KeyId id, ReadOnlySpan<byte> material)
    {
        if (material.Length != SizeInBytes)
        {
            throw new ArgumentException($"A data key is {SizeInBytes} bytes.", nameof(material));
        }

        Id = id;
        material.CopyTo(_material);
    }

    public KeyId Id { get; }

    public bool IsDestroyed => _destroyed;

    public override string ToString() => Id.ToString();

    internal AesGcm Rent()
    {
        var start = Environment.CurrentManagedThreadId;
        for (var i = 0; i < _pool.Length; i++)
        {
            var aes = Interlocked.Exchange(ref _pool[(start + i) % _pool.Length], null);
            if (aes is not null)
            {
                if (_destroyed)
                {
                    aes.Dispose();
                    break;
                }

                return aes;
            }
        }

        // Under the lock so Destroy cannot zero the material while an instance is created from it.
        lock (_gate)
        {
            ThrowIfDestroyed();
            return new AesGcm(_material, TagSize);
        }
    }

    internal void Return(AesGcm aes)
    {
        if (!_destroyed)
        {
            var start = Environment.CurrentManagedThreadId;
            for (var i = 0; i < _pool.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _pool[(start + i) % _pool.Length], aes, null) is null)
                {
                    return;
                }
            }
        }

        aes.Dispose();
    }

    /// <summary>HMAC-SHA256 with this key (blind indexes), under the lock for the same reason as <see cref="Rent"/>.</summary>
    internal void Hmac(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        lock (_gate)
        {
            ThrowIfDestroyed();
            HMACSHA256.HashData(_material, message, destination);
        }
    }

    /// <summary>HKDF-SHA256 of a sub-key for one use (<paramref name="info"/> names it), so one stored key serves several.</summary>
    internal byte[] Derive(string info)
    {
        var derived = new byte[SizeInBytes];
        lock (_gate)
        {
            ThrowIfDestroyed();
            HKDF.DeriveKey(HashAlgorithmName.SHA256, _material, derived, salt: [], info: System.Text.Encoding.UTF8.GetBytes(info));
        }

        return derived;
    }

    /// <summary>Crypto-shredding in memory: zero the key and drop every instance made from it.</summary>
    internal void Destroy()
    {
        lock (_gate)
        {
            _destroyed = true;
            CryptographicOperations.ZeroMemory(_material);
        }

        for (var i = 0; i < _pool.Length; i++)
        {
            Interlocked.Exchange(ref _pool[i], null)?.Dispose();
        }
    }

    private void ThrowIfDestroyed()
    {
        if (_destroyed)
        {
            throw new KeyDestroyedException(Id.OwnerId, Id.Kind);
        }
    }
}
