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

    // HMACs running on the material right now: Destroy waits for them instead of every HMAC taking the lock, which
    // serialised all blind indexes of an incident (a status check computes several) behind one thread.
    private int _hmacs;

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

    /// <summary>
    /// HMAC-SHA256 with this key (blind indexes). Concurrent calls run in parallel; Destroy cannot zero the material
    /// while one runs, because it waits until the count of running HMACs is zero.
    /// </summary>
    internal void Hmac(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        // Count first, then check: Destroy marks the key first, then waits for the count (both with full fences), so
        // either this call sees the mark or Destroy sees this call.
        Interlocked.Increment(ref _hmacs);
        try
        {
            ThrowIfDestroyed();
            HMACSHA256.HashData(_material, message, destination);
        }
        finally
        {
            Interlocked.Decrement(ref _hmacs);
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
            Interlocked.MemoryBarrier();
            var wait = new SpinWait();
            while (Volatile.Read(ref _hmacs) != 0)
            {
                wait.SpinOnce();
            }

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
