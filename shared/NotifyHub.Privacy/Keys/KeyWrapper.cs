using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Privacy.Keys;

/// <summary>
/// Wraps data keys under the root key with AES-256-GCM. The associated data binds the key's
/// owner, kind, version and the root key id, so a wrapped key copied onto another row fails.
/// </summary>
internal static class KeyWrapper
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public const int WrappedSize = NonceSize + TagSize + DataKey.SizeInBytes;

    public static byte[] Wrap(RootKey root, KeyId id, ReadOnlySpan<byte> material)
    {
        var wrapped = new byte[WrappedSize];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(root.Material, TagSize);
        aes.Encrypt(nonce, material, wrapped.AsSpan(NonceSize + TagSize), wrapped.AsSpan(NonceSize, TagSize), Aad(root.Id, id));
        return wrapped;
    }

    /// <returns>False when this root key did not wrap this key (wrong root, or tampered row).</returns>
    public static bool TryUnwrap(RootKey root, KeyId id, ReadOnlySpan<byte> wrapped, Span<byte> material)
    {
        if (wrapped.Length != WrappedSize)
        {
            return false;
        }

        using var aes = new AesGcm(root.Material, TagSize);
        try
        {
            aes.Decrypt(wrapped[..NonceSize], wrapped[(NonceSize + TagSize)..], wrapped.Slice(NonceSize, TagSize), material, Aad(root.Id, id));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(material);
            return false;
        }
    }

    /// <summary>Unwraps a stored key into a usable <see cref="DataKey"/>.</summary>
    public static DataKey Open(RootKey root, StoredKey stored)
    {
        Span<byte> material = stackalloc byte[DataKey.SizeInBytes];
        try
        {
            UnwrapOrThrow(root, stored, material);
            return new DataKey(stored.Id, material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    public static byte[] Rewrap(RootKey oldRoot, RootKey newRoot, StoredKey stored)
    {
        Span<byte> material = stackalloc byte[DataKey.SizeInBytes];
        try
        {
            UnwrapOrThrow(oldRoot, stored, material);
            return Wrap(newRoot, stored.Id, material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    public static byte[] WrapNew(RootKey root, KeyId id)
    {
        Span<byte> material = stackalloc byte[DataKey.SizeInBytes];
        RandomNumberGenerator.Fill(material);
        try
        {
            return Wrap(root, id, material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    public static RootKeyUnavailableException Mismatch(RootKey root, string detail) =>
        new($"The root key does not match the key store ({detail}; the configured root key is {root.Id}); configure the root key the store was created with, or finish the root rotation.");

    private static void UnwrapOrThrow(RootKey root, StoredKey stored, Span<byte> material)
    {
        if (stored.RootKeyId != root.Id)
        {
            throw Mismatch(root, $"{stored.Id} is wrapped by root key {stored.RootKeyId}");
        }

        if (!TryUnwrap(root, stored.Id, stored.WrappedMaterial, material))
        {
            throw Mismatch(root, $"root key {root.Id} has the right id but cannot unwrap {stored.Id}: the key material differs or the row was altered");
        }
    }

    private static byte[] Aad(string rootKeyId, KeyId id)
    {
        var label = "NotifyHub.key.v1"u8;
        var rootId = Encoding.UTF8.GetBytes(rootKeyId);
        var aad = new byte[label.Length + 16 + 1 + 4 + rootId.Length];
        var span = aad.AsSpan();
        label.CopyTo(span);
        span = span[label.Length..];
        id.OwnerId.TryWriteBytes(span);
        span[16] = (byte)id.Kind;
        BinaryPrimitives.WriteInt32LittleEndian(span[17..], id.Version);
        rootId.CopyTo(span[21..]);
        return aad;
    }
}
