using NotifyHub.Privacy.Keys;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace NotifyHub.BuildingBlocks.Auth.KeyRing;

/// <summary>
/// AES-256-GCM over a Data Protection key's XML, under a key derived from the root key for this purpose only. The
/// root key's id is written beside the ciphertext and bound into it, so a key ring written under another root key
/// is reported as such rather than as a corrupt row.
/// </summary>
internal static class KeyRingCipher
{
    public const string ElementName = "rootKeyEncrypted";
    private const string Purpose = "NotifyHub.DataProtection.KeyRing.v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static XElement Encrypt(RootKey root, XElement plaintext)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + clear.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = Cipher(root))
        {
            aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Aad(root.Id));
        }

        CryptographicOperations.ZeroMemory(clear);
        return new XElement(ElementName,
            new XAttribute("rootKeyId", root.Id),
            new XComment(" Encrypted under a key derived from the NotifyHub root key. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
    }

    /// <exception cref="CryptographicException">Another root key encrypted it, or it was altered.</exception>
    public static XElement Decrypt(RootKey root, XElement encrypted)
    {
        var rootKeyId = (string?)encrypted.Attribute("rootKeyId") ?? "";
        if (rootKeyId != root.Id)
        {
            throw new CryptographicException(
                $"This Data Protection key was encrypted under root key {rootKeyId}, not the configured {root.Id}; tokens made with it are refused.");
        }

        var sealedBytes = Convert.FromBase64String((string?)encrypted.Element("value") ?? "");
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted Data Protection key is truncated.");
        }

        var clear = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using (var aes = Cipher(root))
            {
                aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize),
                    sealedBytes.AsSpan(NonceSize, TagSize), clear, Aad(root.Id));
            }

            return XElement.Parse(Encoding.UTF8.GetString(clear));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    private static AesGcm Cipher(RootKey root)
    {
        Span<byte> key = stackalloc byte[32];
        try
        {
            RootKeyDerivation.DeriveKey(root, Purpose, key);
            return new AesGcm(key, TagSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] Aad(string rootKeyId) => Encoding.UTF8.GetBytes($"{Purpose}\0{rootKeyId}");
}
