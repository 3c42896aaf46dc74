using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;
using System.Text;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>
/// OpenPGP (RFC 4880) encryption with BouncyCastle: AES-256 with the integrity packet (MDC), the session key wrapped to
/// the print house's encryption (sub)key. The output is binary OpenPGP, opened with <c>gpg --decrypt</c>.
/// </summary>
public sealed class OpenPgpRecipient : IBatchRecipient
{
    private readonly PgpPublicKey key;

    private OpenPgpRecipient(PgpPublicKey key, string fingerprint)
    {
        this.key = key;
        Fingerprint = fingerprint;
    }

    public string Extension => ".gpg";

    public string Fingerprint { get; }

    /// <exception cref="FormatException">Not an armored public key, or one without a usable encryption key.</exception>
    public static OpenPgpRecipient Parse(string armored)
    {
        PgpPublicKeyRingBundle bundle;
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.ASCII.GetBytes(armored)));
            bundle = new PgpPublicKeyRingBundle(input);
        }
        catch (Exception e) when (e is IOException or PgpException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException("The text is not an OpenPGP public key block.", e);
        }

        foreach (PgpPublicKeyRing ring in bundle.GetKeyRings())
        {
            var master = ring.GetPublicKey();
            var usable = ring.GetPublicKeys().Cast<PgpPublicKey>().Where(k => k.IsEncryptionKey && !k.HasRevocation())
                .OrderByDescending(k => !k.IsMasterKey).FirstOrDefault();
            if (usable is not null)
            {
                return new OpenPgpRecipient(usable, Convert.ToHexString(master.GetFingerprint()));
            }
        }

        throw new FormatException("The OpenPGP key has no encryption key (add an encryption subkey).");
    }

    public byte[] Encrypt(byte[] clear, string fileName)
    {
        var output = new MemoryStream(clear.Length + 1024);
        var generator = new PgpEncryptedDataGenerator(SymmetricKeyAlgorithmTag.Aes256, withIntegrityPacket: true, new SecureRandom());
        generator.AddMethod(key);
        using (var encrypted = generator.Open(output, new byte[1 << 16]))
        {
            var literal = new PgpLiteralDataGenerator();
            // A fixed modification time: the literal packet's date carries no meaning for the print house.
            using var data = literal.Open(encrypted, PgpLiteralData.Binary, fileName, clear.Length, DateTime.UnixEpoch);
            data.Write(clear);
        }

        return output.ToArray();
    }
}
