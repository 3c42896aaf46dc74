using NotifyHub.Privacy.Keys;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Privacy.Fields;

/// <summary>
/// AES-256-GCM encryption of one field, or of a whole record as one ciphertext (one nonce, one
/// tag and one key lookup for all its fields: the faster choice for projections). The async
/// methods find the key in the <see cref="KeyStore"/>; the static ones take a key already
/// resolved, for hot loops such as an import.
/// </summary>
public sealed class FieldCipher(KeyStore keys)
{
    private const string NotACiphertext = "it is not a NotifyHub ciphertext (truncated, or an unknown format or key kind)";
    private const string AuthenticationFailed = "authentication failed: the ciphertext was altered, or it belongs to another record or field";

    public async ValueTask<EncryptedField> EncryptAsync(
        Guid keyOwnerId, KeyKind kind, Guid recordId, string fieldName, Sensitive<string> value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var key = await keys.GetCurrentAsync(keyOwnerId, kind, cancellationToken);
        var plaintext = value.Reveal();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(plaintext.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(plaintext, buffer);
            return Seal(key, recordId, PayloadKind.Field, fieldName, buffer.AsSpan(0, length));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <exception cref="FieldDecryptionException">Altered, or not this record's or field's ciphertext.</exception>
    /// <exception cref="KeyDestroyedException">Its key was shredded.</exception>
    public async ValueTask<Sensitive<string>> DecryptAsync(
        EncryptedField field, Guid recordId, string fieldName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(field);
        var key = await ResolveAsync(field, recordId, fieldName, cancellationToken);
        var plaintext = Decrypt(key, field, recordId, fieldName);
        try
        {
            return new Sensitive<string>(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public async ValueTask<EncryptedField> EncryptRecordAsync(
        Guid keyOwnerId, KeyKind kind, Guid recordId, string recordName,
        IReadOnlyDictionary<string, Sensitive<string>> fields, CancellationToken cancellationToken = default)
    {
        var key = await keys.GetCurrentAsync(keyOwnerId, kind, cancellationToken);
        return EncryptRecord(key, recordId, recordName, fields);
    }

    /// <exception cref="FieldDecryptionException">Altered, or not this record's ciphertext under this name.</exception>
    /// <exception cref="KeyDestroyedException">Its key was shredded.</exception>
    public async ValueTask<IReadOnlyDictionary<string, Sensitive<string>>> DecryptRecordAsync(
        EncryptedField record, Guid recordId, string recordName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = await ResolveAsync(record, recordId, recordName, cancellationToken);
        return DecryptRecord(key, record, recordId, recordName);
    }

    public static EncryptedField Encrypt(DataKey key, Guid recordId, string fieldName, ReadOnlySpan<byte> plaintext) =>
        Seal(key, recordId, PayloadKind.Field, fieldName, plaintext);

    /// <returns>The plaintext bytes: zero them when done.</returns>
    public static byte[] Decrypt(DataKey key, EncryptedField field, Guid recordId, string fieldName) =>
        Open(key, field, recordId, PayloadKind.Field, fieldName);

    public static EncryptedField EncryptRecord(
        DataKey key, Guid recordId, string recordName, IReadOnlyDictionary<string, Sensitive<string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var size = RecordCodec.MeasureSize(fields);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            RecordCodec.Write(fields, buffer.AsSpan(0, size));
            return Seal(key, recordId, PayloadKind.Record, recordName, buffer.AsSpan(0, size));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, size));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static IReadOnlyDictionary<string, Sensitive<string>> DecryptRecord(
        DataKey key, EncryptedField record, Guid recordId, string recordName)
    {
        var plaintext = Open(key, record, recordId, PayloadKind.Record, recordName);
        try
        {
            return RecordCodec.Read(plaintext);
        }
        catch (FormatException e)
        {
            throw new FieldDecryptionException(recordId, recordName, "the decrypted record is malformed", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static EncryptedField Seal(DataKey key, Guid recordId, PayloadKind kind, string name, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (key.Id.Kind == KeyKind.IncidentIndex)
        {
            // One key, one job: the blind-index key must never also encrypt.
            throw new ArgumentException("An IncidentIndex key only makes blind indexes; encrypt with an IncidentData or Vendor key.", nameof(key));
        }

        var bytes = new byte[FieldEnvelope.Overhead + plaintext.Length];
        FieldEnvelope.Seal(key, recordId, kind, name, plaintext, bytes);
        return EncryptedField.Wrap(bytes);
    }

    private static byte[] Open(DataKey key, EncryptedField field, Guid recordId, PayloadKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(field);
        var envelope = field.RawBytes;
        if (!FieldEnvelope.TryReadKeyId(envelope, out var id))
        {
            throw new FieldDecryptionException(recordId, name, NotACiphertext);
        }

        if (id != key.Id)
        {
            throw new FieldDecryptionException(recordId, name, $"it was encrypted with the {id}, not the {key.Id}");
        }

        var plaintext = new byte[envelope.Length - FieldEnvelope.Overhead];
        return FieldEnvelope.TryOpen(key, envelope, recordId, kind, name, plaintext)
            ? plaintext
            : throw new FieldDecryptionException(recordId, name, AuthenticationFailed);
    }

    private async ValueTask<DataKey> ResolveAsync(EncryptedField field, Guid recordId, string name, CancellationToken cancellationToken)
    {
        if (!FieldEnvelope.TryReadKeyId(field.RawBytes, out var id))
        {
            throw new FieldDecryptionException(recordId, name, NotACiphertext);
        }

        try
        {
            return await keys.GetAsync(id, cancellationToken);
        }
        catch (KeyNotFoundException e)
        {
            throw new FieldDecryptionException(recordId, name, "it names a key that does not exist (the header was altered)", e);
        }
    }
}
