using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Privacy.Keys;
using System.Xml.Linq;

namespace NotifyHub.BuildingBlocks.Auth.KeyRing;

/// <summary>
/// Opens a key written by <see cref="RootKeyXmlEncryptor"/>. Data Protection creates it by type name with the
/// application's service provider (the constructor it looks for), hence no other constructor.
/// </summary>
public sealed class RootKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var roots = services.GetService<IRootKeyProvider>()
            ?? throw new InvalidOperationException("No NotifyHub root key provider is registered: the Data Protection key ring cannot be opened.");
        var root = roots.GetRootKeyAsync().AsTask().GetAwaiter().GetResult();
        return KeyRingCipher.Decrypt(root, encryptedElement);
    }
}
