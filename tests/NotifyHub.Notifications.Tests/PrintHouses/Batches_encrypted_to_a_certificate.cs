using NotifyHub.Notifications.PrintHouses;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NotifyHub.Notifications.Tests.PrintHouses;

/// <summary>The X.509 path: CMS EnvelopedData that the print house opens with the real <c>openssl cms -decrypt</c>.</summary>
public sealed class Batches_encrypted_to_a_certificate
{
    [Fact]
    public async Task Open_with_openssl_cms_and_the_private_key_only()
    {
        var folder = Directory.CreateTempSubdirectory("notifyhub-cms-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Example Print Ltd", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(30));
            await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());
            var clear = RandomNumberGenerator.GetBytes(100_000);

            var recipient = BatchRecipients.Parse(PrintHouseKeyKind.X509, certificate.ExportCertificatePem());
            await File.WriteAllBytesAsync(Path.Combine(folder, "batch.pdf.p7m"), recipient.Encrypt(clear, "batch.pdf"));

            var openssl = Process.Start(new ProcessStartInfo("openssl",
                ["cms", "-decrypt", "-inform", "DER", "-in", "batch.pdf.p7m", "-recip", "cert.pem", "-inkey", "key.pem", "-out", "batch.pdf"])
            {
                WorkingDirectory = folder,
                RedirectStandardError = true,
            })!;
            var error = await openssl.StandardError.ReadToEndAsync();
            await openssl.WaitForExitAsync();
            openssl.ExitCode.ShouldBe(0, error);
            (await File.ReadAllBytesAsync(Path.Combine(folder, "batch.pdf"))).ShouldBe(clear);
            recipient.Fingerprint.ShouldBe(certificate.GetCertHashString(HashAlgorithmName.SHA256));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Refuses_a_private_key_or_text_that_is_no_key()
    {
        Should.Throw<FormatException>(() => BatchRecipients.Parse(PrintHouseKeyKind.X509, "not a certificate"));
        Should.Throw<FormatException>(() => BatchRecipients.Parse(PrintHouseKeyKind.OpenPgp, "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n-----END PGP PUBLIC KEY BLOCK-----"));
        var validator = new RegisterPrintHouseValidator();
        using var rsa = RSA.Create(2048);
        validator.Validate(new RegisterPrintHouse("Example Print Ltd", "x509", rsa.ExportPkcs8PrivateKeyPem(), null, null)).IsValid.ShouldBeFalse();
        validator.Validate(new RegisterPrintHouse("Example Print Ltd", "x509", "x", null,
            new PrintHouseSftp("sftp.example.test", 22, "notifyhub", "MD5:aa:bb"))).Errors.ShouldContain(e => e.PropertyName == "Sftp.HostKeySha256");
    }
}
