using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Privacy.Keys;

/// <summary>
/// Keys for other parts of NotifyHub derived from the root key with HKDF-SHA256, one per purpose label, so the
/// root key itself never leaves this library and a key derived for one purpose says nothing about another.
/// Every instance with the same root key derives the same key; a new root key derives different ones.
/// </summary>
public static class RootKeyDerivation
{
    /// <param name="purpose">A fixed label naming what the key is for, e.g. <c>NotifyHub.DataProtection.KeyRing.v1</c>.</param>
    /// <param name="destination">Filled with the derived key; the caller zeroes it after use.</param>
    public static void DeriveKey(RootKey root, string purpose, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, root.Material, destination, salt: [], info: Encoding.UTF8.GetBytes(purpose));
    }
}
