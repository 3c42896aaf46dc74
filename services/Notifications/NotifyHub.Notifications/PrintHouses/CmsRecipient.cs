using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// CMS EnvelopedData (RFC 5652) to an RSA certificate: AES-256-CBC content, the key wrapped with RSA-OAEP (SHA-256).
/// DER output, opened with <c>openssl cms -decrypt -inform DER -recip cert.pem -inkey key.pem</c>.
/// </summary>
public sealed class CmsFileRecipient : IBatchRecipient
{
    private const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";
    private readonly X509Certificate2 certificate;

    private CmsFileRecipient(X509Certificate2 certificate)
    {
        this.certificate = certificate;
        Fingerprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public string Extension => ".p7m";

    public string Fingerprint { get; }

    /// <exception cref="FormatException">Not a PEM certificate, or not one with an RSA key.</exception>
    public static CmsFileRecipient Parse(string pem)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new FormatException("The text is not a PEM X.509 certificate.", e);
        }

        using var rsa = certificate.GetRSAPublicKey();
        return rsa is null ? throw new FormatException("The certificate's key is not RSA (CMS key transport needs RSA).") : new CmsFileRecipient(certificate);
    }

    public byte[] Encrypt(byte[] clear, string fileName)
    {
        var envelope = new EnvelopedCms(new ContentInfo(clear), new AlgorithmIdentifier(new Oid(Aes256Cbc)));
        envelope.Encrypt(new CmsRecipient(SubjectIdentifierType.IssuerAndSerialNumber, certificate, RSAEncryptionPadding.OaepSHA256));
        return envelope.Encode();
    }
}
