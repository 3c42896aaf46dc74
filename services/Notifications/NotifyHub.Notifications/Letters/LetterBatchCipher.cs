using Microsoft.Extensions.Options;
using NotifyHub.Contracts;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using System.Text;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// Encrypts a batch's files under the mail house's vendor key with <see cref="FieldCipher"/>: each file is one
/// FieldCipher envelope (format version, key id, nonce, tag, ciphertext; see NotifyHub.Privacy's FieldEnvelope) bound to
/// the batch id and the part name (<see cref="PdfPart"/>, <see cref="ManifestPart"/>), so a file renamed to another
/// batch or part fails to decrypt. Revoking the mail house destroys its key and with it every batch it was sent.
/// </summary>
public sealed class LetterBatchCipher(KeyStore keys, IOptions<LetterOptions> options)
{
    public const string PdfPart = "letter-batch:pdf";
    public const string ManifestPart = "letter-batch:manifest.csv";

    public Guid VendorId => options.Value.MailHouseVendorId ?? InternalHolders.Notifications;

    public async Task<EncryptedLetterBatch> EncryptAsync(LetterBatch batch, CancellationToken cancellationToken = default)
    {
        var key = await keys.GetCurrentAsync(VendorId, KeyKind.Vendor, cancellationToken);
        var pdf = FieldCipher.Encrypt(key, batch.BatchId, PdfPart, batch.Pdf);
        var manifest = FieldCipher.Encrypt(key, batch.BatchId, ManifestPart, Encoding.UTF8.GetBytes(batch.ManifestCsv()));
        return new EncryptedLetterBatch(batch.BatchId, pdf.ToArray(), manifest.ToArray(), batch.Manifest.Count, batch.Pages);
    }

    /// <summary>What the mail house runs on its side (and tests on ours).</summary>
    public async Task<byte[]> DecryptAsync(Guid batchId, string part, byte[] file, CancellationToken cancellationToken = default)
    {
        var field = EncryptedField.FromBytes(file);
        var keyId = field.KeyId ?? throw new FieldDecryptionException(batchId, part, "the file is not a NotifyHub envelope");
        var key = await keys.GetAsync(keyId, cancellationToken);
        return FieldCipher.Decrypt(key, field, batchId, part);
    }
}
