using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using NotifyHub.Privacy.Keys;
using System.Xml.Linq;

namespace NotifyHub.BuildingBlocks.Auth.KeyRing;

/// <summary>
/// Encrypts each new Data Protection key before it is stored in the platform database, so that whoever reads the
/// database (a backup, a replica, another module's account) cannot sign tokens with it.
/// </summary>
public sealed class RootKeyXmlEncryptor(IRootKeyProvider roots) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);

        // Synchronous by contract; the local key ring answers at once and a KMS provider caches its key.
        var root = roots.GetRootKeyAsync().AsTask().GetAwaiter().GetResult();
        return new EncryptedXmlInfo(KeyRingCipher.Encrypt(root, plaintextElement), typeof(RootKeyXmlDecryptor));
    }
}
