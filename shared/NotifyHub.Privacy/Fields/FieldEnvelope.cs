using NotifyHub.Privacy.Keys;
using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Privacy.Fields;

/// <summary>
/// The binary format of an encrypted field or record (integers little-endian):
/// <code>
///   [0]       format version (1)
///   [1..17)   key owner id (Guid, 16 bytes as Guid.TryWriteBytes writes them)
///   [17]      key kind (KeyKind as a byte)
///   [18..22)  key version (int32)
///   [22..34)  nonce: 96 random bits, new for every encryption
///   [34..50)  AES-GCM tag (128 bits)
///   [50..)    ciphertext, as long as the plaintext
/// </code>
/// The associated data is header [0..22) ‖ record id (16 bytes) ‖ payload kind (1 field,
/// 2 record) ‖ the field or record name in UTF-8. So a ciphertext moved to another row, another
/// field, or relabelled with another key, fails authentication instead of decrypting.
/// </summary>
internal static class FieldEnvelope
{
    public const byte FormatVersion = 1;
    public const int HeaderSize = 22;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = HeaderSize + NonceSize + TagSize;

    private const int AadFixedSize = HeaderSize + 16 + 1;
    private const int StackAadLimit = 256;

    public static void Seal(DataKey key, Guid recordId, PayloadKind kind, string name, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        var header = destination[..HeaderSize];
        header[0] = FormatVersion;
        key.Id.OwnerId.TryWriteBytes(header[1..]);
        header[17] = (byte)key.Id.Kind;
        BinaryPrimitives.WriteInt32LittleEndian(header[18..], key.Id.Version);
        var nonce = destination.Slice(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        byte[]? rented = null;
        var maxAad = AadFixedSize + Encoding.UTF8.GetMaxByteCount(name.Length);
        Span<byte> aadBuffer = maxAad <= StackAadLimit ? stackalloc byte[StackAadLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxAad));
        var aes = key.Rent();
        try
        {
            var aad = WriteAad(header, recordId, kind, name, aadBuffer);
            aes.Encrypt(nonce, plaintext, destination[Overhead..], destination.Slice(HeaderSize + NonceSize, TagSize), aad);
        }
        finally
        {
            key.Return(aes);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <returns>False when authentication fails: wrong row, wrong field, wrong key or altered bytes.</returns>
    public static bool TryOpen(DataKey key, ReadOnlySpan<byte> envelope, Guid recordId, PayloadKind kind, string name, Span<byte> plaintext)
    {
        byte[]? rented = null;
        var maxAad = AadFixedSize + Encoding.UTF8.GetMaxByteCount(name.Length);
        Span<byte> aadBuffer = maxAad <= StackAadLimit ? stackalloc byte[StackAadLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxAad));
        var aes = key.Rent();
        try
        {
            var aad = WriteAad(envelope[..HeaderSize], recordId, kind, name, aadBuffer);
            aes.Decrypt(envelope.Slice(HeaderSize, NonceSize), envelope[Overhead..], envelope.Slice(HeaderSize + NonceSize, TagSize), plaintext, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return false;
        }
        finally
        {
            key.Return(aes);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads which key a ciphertext names, without decrypting it.</summary>
    public static bool TryReadKeyId(ReadOnlySpan<byte> envelope, out KeyId id)
    {
        id = default;
        if (envelope.Length < Overhead || envelope[0] != FormatVersion || !IsCipherKind(envelope[17]))
        {
            return false;
        }

        id = new KeyId(new Guid(envelope.Slice(1, 16)), (KeyKind)envelope[17], BinaryPrimitives.ReadInt32LittleEndian(envelope[18..]));
        return true;
    }

    /// <summary>The kinds that encrypt (the audit chain key only signs).</summary>
    private static bool IsCipherKind(byte kind) =>
        kind is (>= (byte)KeyKind.IncidentData and <= (byte)KeyKind.Vendor) or (byte)KeyKind.ImportSpool;

    private static ReadOnlySpan<byte> WriteAad(ReadOnlySpan<byte> header, Guid recordId, PayloadKind kind, string name, Span<byte> buffer)
    {
        header.CopyTo(buffer);
        recordId.TryWriteBytes(buffer[HeaderSize..]);
        buffer[HeaderSize + 16] = (byte)kind;
        var nameLength = Encoding.UTF8.GetBytes(name, buffer[AadFixedSize..]);
        return buffer[..(AadFixedSize + nameLength)];
    }
}
